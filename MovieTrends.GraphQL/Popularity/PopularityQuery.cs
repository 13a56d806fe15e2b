using GraphQL;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Popularity;

public static class PopularityQuery
{
    public static void AddPopularityField(this ObjectGraphType query, PopularityReader popularity) =>
        query.Field<NonNullGraphType<PopularityReportType>>("popularity")
            .Description("The most and least popular movies released in a year, by TMDB popularity.")
            .Argument<NonNullGraphType<IntGraphType>>("year", $"Release year, {CatalogLimits.FirstYear}..{CatalogLimits.LastYear}.")
            .Argument<NonNullGraphType<IntGraphType>>("limit", argument =>
            {
                argument.Description = $"Movies in each list, {CatalogLimits.MinLimit}..{CatalogLimits.MaxLimit}.";
                argument.DefaultValue = CatalogLimits.DefaultLimit;
            })
            .FilterArgumentAdded()
            .DatasetArgumentAdded()
            .ResolveAsync(async context => await popularity.ReadAsync(
                context.GetArgument<int>("year"),
                context.GetArgument<int>("limit"),
                context.GetFilter(),
                context.GetDataset(),
                context.CancellationToken));
}
