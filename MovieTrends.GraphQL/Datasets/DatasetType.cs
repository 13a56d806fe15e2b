using GraphQL.Types;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Datasets;

public sealed class DatasetType : ObjectGraphType<Dataset>
{
    public DatasetType()
    {
        Name = "Dataset";
        Description = "One bundled TMDB file, loaded side by side with the others: popularity is on its own scale in each.";

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Pass it as the `dataset` argument.")
            .Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("A name to show.")
            .Resolve(context => context.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("movieCount")
            .Description("Movies in the dataset, dated or not.")
            .Resolve(context => context.Source.MovieCount);
        Field<NonNullGraphType<IntGraphType>>("firstYear")
            .Description("Earliest release year (0 when the dataset is empty).")
            .Resolve(context => context.Source.FirstYear);
        Field<NonNullGraphType<IntGraphType>>("lastYear")
            .Description("Latest release year (0 when the dataset is empty).")
            .Resolve(context => context.Source.LastYear);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrendMeasureType>>>>("measures")
            .Description("The measures the dataset has data for.")
            .Resolve(context => context.Source.Measures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("filters")
            .Description("The movie filter fields the dataset has data for: languages, minVotes, minRating, releasedOnly.")
            .Resolve(context => context.Source.Filters);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description("Whether questions without a `dataset` argument are about this dataset.")
            .Resolve(context => context.Source.IsDefault);
    }
}
