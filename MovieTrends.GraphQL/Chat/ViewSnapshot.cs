using System.Text;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// The user's current view rebuilt from its parameters with the server's own reads, so neither the
/// model nor the offline analyst ever sees a figure the client sent.
/// </summary>
public sealed record ViewSnapshot(CatalogSummary Catalog, GenreTrends? Trends, PopularityReport? Popularity)
{
    /// <summary>The dataset the view names; null when it shows the default one.</summary>
    public Dataset? Dataset { get; init; }

    /// <summary>The filter the view's charts apply; null when none.</summary>
    public MovieFilter? Filter { get; init; }

    public const int PopularityListLength = 5;

    // Past this many years the per-year totals are summarised instead of listed, to keep the prompt small.
    private const int MaxListedYears = 30;

    public static async Task<ViewSnapshot> RebuildAsync(ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var catalog = await tools.CatalogAsync(cancellationToken);
        var dataset = view.Dataset is null ? null : await DatasetAsync(view.Dataset, tools, cancellationToken);
        var trends = view.HasTrends
            ? await tools.GenreTrendsAsync(
                view.TrendsFrom ?? dataset?.FirstYear ?? catalog.FirstYear,
                view.TrendsTo ?? dataset?.LastYear ?? catalog.LastYear,
                view.Genres is { Count: > 0 } ? view.Genres : null,
                view.Measure ?? TrendMeasure.Movies,
                view.Filter,
                view.Dataset,
                cancellationToken)
            : null;
        var popularity = view.PopularityYear is int year
            ? await tools.PopularityAsync(year, PopularityListLength, view.Filter, view.Dataset, cancellationToken)
            : null;
        return new ViewSnapshot(catalog, trends, popularity) { Dataset = dataset, Filter = view.Filter is { IsEmpty: false } ? view.Filter : null };
    }

    /// <summary>The dataset an id names; null names the default one.</summary>
    /// <exception cref="CatalogQueryException">UNKNOWN_DATASET.</exception>
    public static async Task<Dataset> DatasetAsync(string? id, CatalogTools tools, CancellationToken cancellationToken)
    {
        var datasets = await tools.DatasetsAsync(cancellationToken);
        return datasets.FirstOrDefault(dataset => id is null ? dataset.IsDefault : dataset.Id == id)
            ?? throw CatalogQueryException.UnknownDataset(id, datasets);
    }

    /// <summary>The view in plain sentences: what the offline analyst says and what the model is told.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Dataset is null
            ? Invariant($"Catalog: {Catalog.MovieCount:N0} movies ({Catalog.UndatedCount:N0} without a release date), {Catalog.GenreCount} genres, released {Catalog.FirstYear}–{Catalog.LastYear}.")
            : Invariant($"Dataset {Dataset.Id} ({Dataset.Name}): {Dataset.MovieCount:N0} movies ({Dataset.UndatedCount:N0} without a release date), released {Dataset.FirstYear}–{Dataset.LastYear}; measures {string.Join(", ", Dataset.Measures.Select(MeasureText.Name))}; filters {(Dataset.Filters.Count == 0 ? "none" : string.Join(", ", Dataset.Filters))}."));
        if (MeasureText.Describe(Filter) is { } filter)
        {
            text.AppendLine($"Filter: only movies with {filter}; the figures below count those.");
        }

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
        if (trends.Measure != TrendMeasure.Movies)
        {
            text.AppendLine($"- Measure shown: {MeasureText.Describe(trends.Measure)} ({MeasureText.Name(trends.Measure)}), per genre {trends.From} → {trends.To}: " +
                string.Join("; ", trends.Series.Select(series =>
                    $"{series.Genre} {MeasureText.Format(trends.Measure, series.Values?[0])} → {MeasureText.Format(trends.Measure, series.Values?[^1])}")) + ".");
        }
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
