using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Datasets;

namespace MovieTrends.GraphQL.Trends;

public sealed class GenreTrendsType : ObjectGraphType<GenreTrends>
{
    public GenreTrendsType()
    {
        Name = "GenreTrends";
        Description = "Movies released per genre per year over a range of years.";

        Field<NonNullGraphType<IntGraphType>>("from")
            .Description("First year of the range, inclusive.")
            .Resolve(context => context.Source.From);
        Field<NonNullGraphType<IntGraphType>>("to")
            .Description("Last year of the range, inclusive.")
            .Resolve(context => context.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years")
            .Description("Every year from `from` to `to`; `counts[i]` and `totals[i]` belong to `years[i]`.")
            .Resolve(context => context.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GenreSeriesType>>>>("series")
            .Description("One series per genre with at least one movie in the range (or exactly the requested genres), by total descending, then name.")
            .Resolve(context => context.Source.Series);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("totals")
            .Description("Distinct dated movies released each year that pass the filter, whatever the genres asked; not the sum of the series, since a movie has several genres.")
            .Resolve(context => context.Source.Totals);
        Field<NonNullGraphType<TrendMeasureType>>("measure")
            .Description("What the series' `values` hold.")
            .Resolve(context => context.Source.Measure);
    }
}
