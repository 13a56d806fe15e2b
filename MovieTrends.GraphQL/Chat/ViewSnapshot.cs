using System.Text;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// The user's current view rebuilt from its parameters with the server's own reads, so neither the
/// model nor the offline analyst ever sees a figure the client sent.
/// </summary>
public sealed record ViewSnapshot(CatalogSummary Catalog, GenreTrends? Trends, PopularityReport? Popularity)
{
    public const int PopularityListLength = 5;

    // Past this many years the per-year totals are summarised instead of listed, to keep the prompt small.
    private const int MaxListedYears = 30;

    public static async Task<ViewSnapshot> RebuildAsync(ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var catalog = await tools.CatalogAsync(cancellationToken);
        var trends = view.TrendsFrom is not null || view.TrendsTo is not null || view.Genres is { Count: > 0 }
            ? await tools.GenreTrendsAsync(
                view.TrendsFrom ?? catalog.FirstYear,
                view.TrendsTo ?? catalog.LastYear,
                view.Genres is { Count: > 0 } ? view.Genres : null,
                cancellationToken)
            : null;
        var popularity = view.PopularityYear is int year
            ? await tools.PopularityAsync(year, PopularityListLength, cancellationToken)
            : null;
        return new ViewSnapshot(catalog, trends, popularity);
    }

    /// <summary>The view in plain sentences: what the offline analyst says and what the model is told.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant(
            $"Catalog: {Catalog.MovieCount:N0} movies ({Catalog.UndatedCount:N0} without a release date), {Catalog.GenreCount} genres, released {Catalog.FirstYear}–{Catalog.LastYear}."));
        if (Trends is not null)
        {
            DescribeTrends(text, Trends);
        }

        if (Popularity is not null)
        {
            DescribePopularity(text, Popularity);
        }

        if (Trends is null && Popularity is null)
        {
            text.AppendLine("No chart is open: the user sees no genre trend or popularity year.");
        }

        return text.ToString().TrimEnd();
    }

    private static void DescribeTrends(StringBuilder text, GenreTrends trends)
    {
        text.AppendLine(Invariant($"Genre trends {trends.From}–{trends.To} ({trends.Totals.Sum():N0} dated movies):"));
        if (trends.Series.Count == 0)
        {
            text.AppendLine("- No movies in this range.");
            return;
        }

        var largest = trends.Series[0];
        text.AppendLine(Invariant($"- Largest genre: {largest.Genre}, {largest.Total:N0} movies."));
        if (trends.To > trends.From)
        {
            var changes = GenreChange.Between(trends, trends.From, trends.To);
            text.AppendLine(DescribeChange("Fastest-growing", GenreChange.FastestGrowing(changes), "grew", trends));
            text.AppendLine(DescribeChange("Fastest-shrinking", GenreChange.FastestShrinking(changes), "shrank", trends));
        }

        text.AppendLine(Invariant($"- Per genre ({trends.From} → {trends.To}, total): ") + string.Join("; ", trends.Series.Select(series =>
            Invariant($"{series.Genre} {series.Counts[0]} → {series.Counts[^1]} ({series.Total:N0})"))) + ".");
        text.AppendLine("- Dated movies per year: " + DescribeTotals(trends) + ".");
    }

    private static string DescribeChange(string label, GenreChange? change, string verb, GenreTrends trends) =>
        change is null
            ? $"- {label} {trends.From}→{trends.To}: no genre {verb}."
            : Invariant(
                $"- {label} {change.FromYear}→{change.ToYear}: {change.Genre}, {change.FromCount} → {change.ToCount} movies ({change.Change:+#;-#;0}); share of the year's movies {change.FromShare:P1} → {change.ToShare:P1} ({change.ShareChangePoints:+0.0;-0.0;0.0} points).");

    private static string DescribeTotals(GenreTrends trends)
    {
        if (trends.Years.Count <= MaxListedYears)
        {
            return string.Join(", ", trends.Years.Select((year, i) => Invariant($"{year}: {trends.Totals[i]}")));
        }

        var peak = trends.Totals.Select((total, i) => (Total: total, Year: trends.Years[i])).MaxBy(entry => entry.Total);
        return Invariant($"{trends.From}: {trends.Totals[0]}, {trends.To}: {trends.Totals[^1]}, peak {peak.Year}: {peak.Total}");
    }

    private static void DescribePopularity(StringBuilder text, PopularityReport report)
    {
        text.AppendLine(Invariant($"Popularity {report.Year} ({report.MovieCount:N0} dated movies):"));
        if (report.Top.Count == 0)
        {
            text.AppendLine("- No dated movies this year.");
            return;
        }

        text.AppendLine("- Most popular: " + RankedList(report.Top) + ".");
        text.AppendLine("- Least popular: " + RankedList(report.Bottom) + ".");
    }

    public static string RankedList(IEnumerable<Movie> movies) =>
        string.Join(", ", movies.Select((movie, i) => Invariant($"{i + 1}. {movie.Title} ({movie.Popularity:0.##})")));
}
