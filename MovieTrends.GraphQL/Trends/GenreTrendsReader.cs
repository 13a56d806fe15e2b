using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Trends;

/// <summary>
/// Genre trends, cut from the aggregates in memory: nothing to cache beyond them, so none is kept.
/// </summary>
public sealed class GenreTrendsReader(CatalogAggregatesStore catalogAggregates)
{
    /// <exception cref="CatalogQueryException">INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_GENRE.</exception>
    public Task<GenreTrends> ReadAsync(int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken) =>
        ReadAsync(from, to, genres, dataset: null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_GENRE, UNKNOWN_DATASET.</exception>
    public async Task<GenreTrends> ReadAsync(int from, int to, IReadOnlyList<string>? genres, string? dataset, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckRange(from, to);
        var aggregates = await catalogAggregates.GetAsync(dataset, cancellationToken);
        var requested = genres is null ? null : GenreNames.Resolve(genres, aggregates.GenreNames);
        return aggregates.Slice(from, to, requested);
    }
}
