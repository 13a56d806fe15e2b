using GraphQL;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Movies;

public static class MoviesQuery
{
    public static void AddMoviesField(this ObjectGraphType query, MoviesReader movies) =>
        query.Field<NonNullGraphType<MovieConnectionType>>("movies")
            .Description("The movies behind a bar or table cell: those released from..to, of one genre or all, that pass a filter, one page at a time.")
            .Argument<NonNullGraphType<IntGraphType>>("from", $"First year, {CatalogLimits.FirstYear}..{CatalogLimits.LastYear}.")
            .Argument<NonNullGraphType<IntGraphType>>("to", $"Last year, inclusive; at most {CatalogLimits.MaxRangeYears} years after `from`.")
            .Argument<StringGraphType>("genre", "Only movies of this genre (case-insensitive); every movie when omitted.")
            .FilterArgumentAdded()
            .Argument<NonNullGraphType<MovieOrderType>>("orderBy", argument =>
            {
                argument.Description = "The list's order; ties by TMDB id ascending.";
                argument.DefaultValue = MovieOrder.PopularityDesc;
            })
            .Argument<NonNullGraphType<IntGraphType>>("first", argument =>
            {
                argument.Description = $"Movies in the page, {CatalogLimits.MinPageSize}..{CatalogLimits.MaxPageSize}.";
                argument.DefaultValue = CatalogLimits.DefaultPageSize;
            })
            .Argument<StringGraphType>("after", "The `pageInfo.endCursor` of the previous page of this same list (the same arguments; only `first` may change); the first page when omitted.")
            .DatasetArgumentAdded()
            .ResolveAsync(async context => await movies.ReadAsync(
                context.GetArgument<int>("from"),
                context.GetArgument<int>("to"),
                context.GetArgument<string?>("genre"),
                context.GetFilter(),
                context.GetArgument<MovieOrder>("orderBy"),
                context.GetArgument<int>("first"),
                context.GetArgument<string?>("after"),
                context.GetDataset(),
                context.CancellationToken));
}
