namespace MovieTrends.Catalog;

/// <summary>
/// One dataset (a bundled file) and what it holds: movies, years, and how many movies have each value the
/// measures and filters read. A measure or filter is listed only when at least one movie has its data.
/// </summary>
public sealed record Dataset(
    string Id,
    string Name,
    bool IsDefault,
    int MovieCount,
    int UndatedCount,
    int FirstYear,
    int LastYear,
    DatasetCoverage Coverage)
{
    public IReadOnlyList<TrendMeasure> Measures { get; } = Coverage.Measures();

    public IReadOnlyList<string> Filters { get; } = Coverage.Filters();
}

/// <summary>How many of a dataset's movies have each value (table dataset_coverage).</summary>
public sealed record DatasetCoverage(
    int WithVotes, int WithRating, int WithRuntime, int WithBudget, int WithRevenue, int WithRoi, int WithLanguage, int WithStatus)
{
    /// <summary>The <c>MovieFilter</c> fields, by API name.</summary>
    public const string LanguagesFilter = "languages";
    public const string MinVotesFilter = "minVotes";
    public const string MinRatingFilter = "minRating";
    public const string ReleasedOnlyFilter = "releasedOnly";

    internal IReadOnlyList<TrendMeasure> Measures() =>
    [
        .. Enum.GetValues<TrendMeasure>().Where(measure => measure switch
        {
            TrendMeasure.Movies or TrendMeasure.Share => true,
            TrendMeasure.AverageRating => WithRating > 0,
            TrendMeasure.MedianRuntime => WithRuntime > 0,
            TrendMeasure.MedianBudget => WithBudget > 0,
            TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue => WithRevenue > 0,
            TrendMeasure.MedianRoi => WithRoi > 0,
            _ => false,
        }),
    ];

    internal IReadOnlyList<string> Filters()
    {
        var filters = new List<string>(4);
        if (WithLanguage > 0)
        {
            filters.Add(LanguagesFilter);
        }

        if (WithVotes > 0)
        {
            filters.Add(MinVotesFilter);
        }

        if (WithRating > 0)
        {
            filters.Add(MinRatingFilter);
        }

        if (WithStatus > 0)
        {
            filters.Add(ReleasedOnlyFilter);
        }

        return filters;
    }
}
