using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// How one genre's measure moved between two years of a trend ("whose median return on budget shrank most").
/// A genre without a known value in either year has no change and is left out.
/// </summary>
public sealed record MeasureChange(string Genre, int FromYear, int ToYear, double FromValue, double ToValue, int FromKnown, int ToKnown)
{
    public double Change => ToValue - FromValue;

    /// <summary>Every genre of <paramref name="trends"/> with a value in both end years of the trend.</summary>
    public static IReadOnlyList<MeasureChange> Between(GenreTrends trends)
    {
        var changes = new List<MeasureChange>();
        foreach (var series in trends.Series)
        {
            if (series.Values is { } values && values[0] is { } first && values[^1] is { } last)
            {
                var known = series.Known ?? series.Counts;
                changes.Add(new MeasureChange(series.Genre, trends.From, trends.To, first, last, known[0], known[^1]));
            }
        }

        return changes;
    }

    /// <summary>The largest rise (ties by name); null when nothing rose.</summary>
    public static MeasureChange? FastestGrowing(IEnumerable<MeasureChange> changes) =>
        changes.Where(change => change.Change > 0).OrderByDescending(change => change.Change).ThenBy(change => change.Genre, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The largest fall (ties by name); null when nothing fell.</summary>
    public static MeasureChange? FastestShrinking(IEnumerable<MeasureChange> changes) =>
        changes.Where(change => change.Change < 0).OrderBy(change => change.Change).ThenBy(change => change.Genre, StringComparer.Ordinal).FirstOrDefault();
}
