using GraphQL;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Trends;

public static class GenreTrendsQuery
{
    public static void AddGenreTrendsField(this ObjectGraphType query, GenreTrendsReader trends) =>
        query.Field<NonNullGraphType<GenreTrendsType>>("genreTrends")
            .Description("Movies released per genre per year, for every year from..to inclusive (years without movies are zeros), or another measure of them, over the movies that pass a filter.")
            .Argument<NonNullGraphType<IntGraphType>>("from", $"First year, {CatalogLimits.FirstYear}..{CatalogLimits.LastYear}.")
            .Argument<NonNullGraphType<IntGraphType>>("to", $"Last year, inclusive; at most {CatalogLimits.MaxRangeYears} years after `from`.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>(
                "genres", "Only these genres (case-insensitive), zeros included; all genres with movies in the range when omitted.")
            .MeasureArgumentAdded()
            .FilterArgumentAdded()
            .DatasetArgumentAdded()
            .ResolveAsync(async context => await trends.ReadAsync(
                context.GetArgument<int>("from"),
                context.GetArgument<int>("to"),
                context.GetArgument<List<string>?>("genres"),
                context.GetMeasure(),
                context.GetFilter(),
                context.GetDataset(),
                context.CancellationToken));
}
