using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// What one offline answer reads: the question's lens completed by the view's, the view, and the cited tools.
/// </summary>
public sealed record AnswerScope(Lens Lens, ChatView View, CatalogTools Tools)
{
    public TrendMeasure Measure => Lens.Measure ?? TrendMeasure.Movies;

    public MovieFilter? Filter => Lens.Filter;

    public string? Dataset => Lens.Dataset;

    /// <summary>"dated movies", or "movies that pass the filter" when one applies.</summary>
    public string Movies => Filter is null ? "dated movies" : "movies that pass the filter";

    /// <summary>The dataset and filter in a closing sentence; empty for the default dataset without a filter.</summary>
    public string Note
    {
        get
        {
            var parts = new List<string>();
            if (Dataset is not null)
            {
                parts.Add($"Dataset: {Dataset}.");
            }

            if (MeasureText.Describe(Filter) is { } filter)
            {
                parts.Add($"Filter: {filter}.");
            }

            return parts.Count == 0 ? "" : " " + string.Join(" ", parts);
        }
    }

    /// <summary>
    /// The years asked, else the view's trend years, else the dataset's whole range; "since 2000" ends at the dataset's last year.
    /// </summary>
    public async Task<YearRange> YearsAsync(YearRange? asked, CancellationToken cancellationToken)
    {
        if (asked is { UntilLatest: false })
        {
            return asked;
        }

        if (asked is null && View.TrendsFrom is int from && View.TrendsTo is int to)
        {
            return new YearRange(from, to);
        }

        var dataset = await ViewSnapshot.DatasetAsync(Dataset, Tools, cancellationToken);
        return asked?.Until(dataset.LastYear) ?? new YearRange(dataset.FirstYear, dataset.LastYear);
    }
}
