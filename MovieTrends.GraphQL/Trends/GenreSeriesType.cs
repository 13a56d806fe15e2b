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
            .Description("Movies of this genre released in `years[i]` (zero when none).")
            .Resolve(context => context.Source.Counts);
        Field<NonNullGraphType<IntGraphType>>("total")
            .Description("Movies of this genre over the whole range.")
            .Resolve(context => context.Source.Total);
    }
}
