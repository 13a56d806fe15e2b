using System.Text.Json;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// The catalog reads an answer may make, each recorded as a citation. One instance per answer:
/// the model's tools and the offline analyst both go through it, so both cite the same way.
/// </summary>
public sealed class CatalogTools(ICatalogReader reader)
{
    public const string GenreTrendsTool = "genre_trends";
    public const string PopularityTool = "popularity";
    public const string CatalogTool = "catalog";

    private static readonly JsonSerializerOptions ArgumentJson = new(JsonSerializerDefaults.Web);

    private readonly List<ChatCitation> _citations = [];

    public IReadOnlyList<ChatCitation> Citations => _citations;

    public Task<GenreTrends> GenreTrendsAsync(int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken) =>
        RecordAsync(
            GenreTrendsTool,
            new { from, to, genres },
            () => reader.GetGenreTrendsAsync(from, to, genres, cancellationToken),
            Summarize);

    public Task<PopularityReport> PopularityAsync(int year, int limit, CancellationToken cancellationToken) =>
        RecordAsync(
            PopularityTool,
            new { year, limit },
            () => reader.GetPopularityAsync(year, limit, cancellationToken),
            Summarize);

    public Task<CatalogSummary> CatalogAsync(CancellationToken cancellationToken) =>
        RecordAsync(CatalogTool, new { }, () => reader.GetCatalogAsync(cancellationToken), Summarize);

    private async Task<T> RecordAsync<T>(string tool, object arguments, Func<Task<T>> read, Func<T, string> summarize)
    {
        var argumentsJson = JsonSerializer.Serialize(arguments, ArgumentJson);
        try
        {
            var result = await read();
            _citations.Add(new ChatCitation(tool, argumentsJson, summarize(result)));
            return result;
        }
        catch (CatalogQueryException e)
        {
            _citations.Add(new ChatCitation(tool, argumentsJson, $"{e.Code}: {e.Message}"));
            throw;
        }
    }

    private static string Summarize(GenreTrends trends)
    {
        var range = $"{trends.From}–{trends.To}";
        if (trends.Series.Count == 0)
        {
            return $"{range}: no dated movies.";
        }

        var largest = trends.Series[0];
        return Invariant($"{range}: {trends.Totals.Sum():N0} dated movies, {trends.Series.Count} genres; largest {largest.Genre} ({largest.Total:N0}).");
    }

    private static string Summarize(PopularityReport report) =>
        report.Top.Count == 0
            ? $"{report.Year}: no dated movies."
            : Invariant($"{report.Year}: {report.MovieCount:N0} dated movies; most popular {report.Top[0].Title} ({report.Top[0].Popularity:0.##}), least popular {report.Bottom[0].Title} ({report.Bottom[0].Popularity:0.##}).");

    private static string Summarize(CatalogSummary catalog) =>
        Invariant($"{catalog.MovieCount:N0} movies ({catalog.UndatedCount:N0} undated), {catalog.GenreCount} genres, {catalog.FirstYear}–{catalog.LastYear}.");
}
