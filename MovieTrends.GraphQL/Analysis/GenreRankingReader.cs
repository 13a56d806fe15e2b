using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Genre rankings over a range for the chat's questions ("which genre earns the best return on budget since 2000"),
/// checked as genreTrends checks its arguments. Not cached: the chat asks few, and one scan of a range is cheap.
/// </summary>
public sealed class GenreRankingReader(CatalogAggregatesStore catalogAggregates, MovieColumnsStore movieColumns)
{
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_DATASET, MEASURE_UNAVAILABLE, FILTER_UNAVAILABLE, INVALID_FILTER.
    /// </exception>
    public async Task<GenreRanking> ReadAsync(
        int from, int to, TrendMeasure measure, MovieFilter? filter, string? dataset, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckRange(from, to);
        var resolved = (await catalogAggregates.GetSnapshotAsync(cancellationToken)).Resolve(dataset);
        filter ??= MovieFilter.None;
        AnalysisArguments.CheckMeasure(measure, resolved);
        AnalysisArguments.CheckFilter(filter, resolved);
        var columns = await movieColumns.GetAsync(resolved.Id, cancellationToken);
        return GenreRankingCalculator.Compute(columns, resolved.Id, from, to, measure, new MoviePredicate(filter, columns));
    }
}
