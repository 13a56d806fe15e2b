using System.ComponentModel;
using Microsoft.Extensions.AI;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Chat.Llm;

/// <summary>
/// The model's tools: typed arguments only, each call a read through <see cref="CatalogTools"/>.
/// Nothing the model writes is ever run as code or SQL.
/// </summary>
public static class ToolFunctions
{
    public static IList<AITool> For(CatalogTools tools) =>
    [
        AIFunctionFactory.Create(
            (
                [CatalogDescription("First year, inclusive ({FirstYear}–{LastYear}).")] int from,
                [CatalogDescription("Last year, inclusive; at most {MaxRangeYears} years after from.")] int to,
                [Description("Genre names to include (zeros included); omit for every genre with movies in the range.")] string[]? genres = null,
                CancellationToken cancellationToken = default) =>
                ToolResult(() => tools.GenreTrendsAsync(from, to, genres, cancellationToken)),
            CatalogTools.GenreTrendsTool,
            "Movies released per genre per year from..to. counts[i] belongs to years[i]; totals[i] is the number of distinct dated movies of years[i]. A movie counts once in each of its genres."),
        AIFunctionFactory.Create(
            (
                [CatalogDescription("Release year ({FirstYear}–{LastYear}).")] int year,
                [CatalogDescription("How many movies in each list, {MinLimit}–{MaxLimit}.")] int limit = ViewSnapshot.PopularityListLength,
                CancellationToken cancellationToken = default) =>
                ToolResult(async () => PopularityResult.From(await tools.PopularityAsync(year, limit, cancellationToken))),
            CatalogTools.PopularityTool,
            "The most and least popular movies released in a year, by TMDB popularity, and how many dated movies that year has."),
        AIFunctionFactory.Create(
            (CancellationToken cancellationToken) => ToolResult(() => tools.CatalogAsync(cancellationToken)),
            CatalogTools.CatalogTool,
            "Size of the catalog: movie and genre counts, movies without a release date, first and last release year, data sources."),
    ];

    // A bad argument goes back to the model as an error it can correct, not as a failed answer.
    private static async Task<object?> ToolResult<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CatalogQueryException e)
        {
            return new { error = e.Code, message = e.Message };
        }
    }

    private sealed record PopularityResult(int Year, int MovieCount, IReadOnlyList<MovieResult> Top, IReadOnlyList<MovieResult> Bottom)
    {
        public static PopularityResult From(PopularityReport report) =>
            new(report.Year, report.MovieCount, [.. report.Top.Select(MovieResult.From)], [.. report.Bottom.Select(MovieResult.From)]);
    }

    // Overviews are left out: they would multiply the tokens of every popularity call.
    private sealed record MovieResult(string Title, DateOnly? ReleaseDate, double Popularity, double? VoteAverage, IReadOnlyList<string> Genres, string TmdbUrl)
    {
        public static MovieResult From(Movie movie) =>
            new(movie.Title, movie.ReleaseDate, movie.Popularity, movie.VoteAverage, movie.Genres, movie.TmdbUrl);
    }
}
