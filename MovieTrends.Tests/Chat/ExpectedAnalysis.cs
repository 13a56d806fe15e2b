using MovieTrends.Tests.Oracle;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// What the chat's measure answers must say, from the raw-CSV oracle and the rules docs/chat.md states: a ranking
/// pools the range (genres with fewer than 10 movies with a known value left out; ties by name), a measure's change
/// compares the range's first and last year (genres without a value in either left out).
/// </summary>
public static class ExpectedAnalysis
{
    public const int MinKnownMovies = 10;

    public static IReadOnlyList<OracleGenreFigure> Ranked(DatasetOracle dataset, int from, int to, OracleMeasure measure, OracleFilter? filter = null) =>
        [.. dataset.GenreRanking(from, to, measure, filter)
            .Where(figure => figure.Value is not null && figure.Known >= MinKnownMovies)
            .OrderByDescending(figure => figure.Value).ThenBy(figure => figure.Genre, StringComparer.Ordinal)];

    /// <summary>The genre whose measure fell most from the first to the last year of the range; null when none fell.</summary>
    public static (string Genre, double From, double To, int FromKnown, int ToKnown)? FastestShrinking(
        DatasetOracle dataset, int from, int to, OracleMeasure measure) =>
        dataset.GenreTrends(from, to, measure: measure).Series
            .Where(series => series.Values[0] is not null && series.Values[^1] is not null)
            .Select(series => (series.Genre, From: series.Values[0]!.Value, To: series.Values[^1]!.Value, FromKnown: series.Known[0], ToKnown: series.Known[^1]))
            .Where(change => change.To < change.From)
            .OrderBy(change => change.To - change.From).ThenBy(change => change.Genre, StringComparer.Ordinal)
            .Cast<(string, double, double, int, int)?>()
            .FirstOrDefault();

    public static string Ratio(double value) => Invariant($"{value:0.00}×");

    public static string Dollars(double value) => Invariant($"${value:N0}");
}
