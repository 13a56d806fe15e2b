using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Trends;

public sealed class GenreSeriesType : ObjectGraphType<GenreSeries>
{
    public GenreSeriesType()
    {
        Name = "GenreSeries";
        Description = "Movies of one genre released each year of the range.";

        Field<NonNullGraphType<StringGraphType>>("genre")
            .Description("The genre's name as the catalog spells it.")
            .Resolve(context => context.Source.Genre);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("counts")
            .Description("Movies of this genre released in `years[i]` that pass the filter (zero when none).")
            .Resolve(context => context.Source.Counts);
        Field<NonNullGraphType<IntGraphType>>("total")
            .Description("Movies of this genre over the whole range.")
            .Resolve(context => context.Source.Total);
        Field<NonNullGraphType<ListGraphType<FloatGraphType>>>("values")
            .Description("The measure over this genre's movies of `years[i]` with a known value; null when none has one.")
            .Resolve(context => context.Source.Values ?? [.. context.Source.Counts.Select(count => (double?)count)]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("known")
            .Description("Movies of `counts[i]` with a known value for the measure (all of them for MOVIES and SHARE).")
            .Resolve(context => context.Source.Known ?? context.Source.Counts);
    }
}
