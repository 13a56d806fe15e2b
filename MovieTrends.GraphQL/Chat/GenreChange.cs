using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// How one genre moved between two years of a trend. Growth is the absolute change in the number of
/// movies; share is the genre's movies over all dated movies of that year, so it shows whether a genre
/// grew faster than the catalog itself.
/// </summary>
public sealed record GenreChange(string Genre, int FromYear, int ToYear, int FromCount, int ToCount, double FromShare, double ToShare)
{
    public int Change => ToCount - FromCount;

    public double ShareChangePoints => (ToShare - FromShare) * 100;

    /// <summary>Every genre of <paramref name="trends"/> between two of its years.</summary>
    public static IReadOnlyList<GenreChange> Between(GenreTrends trends, int fromYear, int toYear)
    {
        var fromIndex = IndexOf(trends, fromYear);
        var toIndex = IndexOf(trends, toYear);
        return trends.Series
            .Select(series => new GenreChange(
                series.Genre,
                fromYear,
                toYear,
                series.Counts[fromIndex],
                series.Counts[toIndex],
                Share(series.Counts[fromIndex], trends.Totals[fromIndex]),
                Share(series.Counts[toIndex], trends.Totals[toIndex])))
            .ToList();
    }

    /// <summary>The largest rise in movies (ties: larger share gain, then name); null when nothing rose.</summary>
    public static GenreChange? FastestGrowing(IEnumerable<GenreChange> changes) =>
        changes.Where(change => change.Change > 0)
            .OrderByDescending(change => change.Change)
            .ThenByDescending(change => change.ShareChangePoints)
            .ThenBy(change => change.Genre, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The largest fall in movies (ties: larger share loss, then name); null when nothing fell.</summary>
    public static GenreChange? FastestShrinking(IEnumerable<GenreChange> changes) =>
        changes.Where(change => change.Change < 0)
            .OrderBy(change => change.Change)
            .ThenBy(change => change.ShareChangePoints)
            .ThenBy(change => change.Genre, StringComparer.Ordinal)
            .FirstOrDefault();

    private static int IndexOf(GenreTrends trends, int year) =>
        year >= trends.From && year <= trends.To
            ? year - trends.From
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"Outside the trend {trends.From}–{trends.To}.");

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}
