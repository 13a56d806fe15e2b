using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Movies;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// The whole catalog in one interface, for the chat assistant's tools. It goes through the same readers (and
/// caches) as the GraphQL fields, so an answer in the chat is always the same number the charts show.
/// </summary>
public interface ICatalogReader
{
    /// <exception cref="CatalogQueryException">INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_GENRE.</exception>
    Task<GenreTrends> GetGenreTrendsAsync(int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken);

    /// <summary>Any measure over the movies that pass a filter (null: all), of a dataset (null: the default one).</summary>
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_DATASET, MEASURE_UNAVAILABLE, FILTER_UNAVAILABLE,
    /// INVALID_FILTER, UNKNOWN_GENRE.
    /// </exception>
    Task<GenreTrends> GetGenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genres, TrendMeasure measure, MovieFilter? filter, string? dataset,
        CancellationToken cancellationToken);

    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT.</exception>
    Task<PopularityReport> GetPopularityAsync(int year, int limit, CancellationToken cancellationToken);

    /// <summary>The year's ends among the movies that pass a filter (null: all), of a dataset (null: the default one).</summary>
    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT, UNKNOWN_DATASET, FILTER_UNAVAILABLE, INVALID_FILTER.</exception>
    Task<PopularityReport> GetPopularityAsync(int year, int limit, MovieFilter? filter, string? dataset, CancellationToken cancellationToken);

    Task<IReadOnlyList<GenreSummary>> GetGenresAsync(CancellationToken cancellationToken);

    /// <summary>Every dataset with what it covers, the default first.</summary>
    Task<IReadOnlyList<Dataset>> GetDatasetsAsync(CancellationToken cancellationToken);

    /// <summary>Each genre's measure over a whole range (one figure per genre, not per year), best first.</summary>
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, UNKNOWN_DATASET, MEASURE_UNAVAILABLE, FILTER_UNAVAILABLE, INVALID_FILTER.
    /// </exception>
    Task<GenreRanking> GetGenreRankingAsync(
        int from, int to, TrendMeasure measure, MovieFilter? filter, string? dataset, CancellationToken cancellationToken);

    Task<CatalogSummary> GetCatalogAsync(CancellationToken cancellationToken);

    /// <summary>A page of the drill-down list (from..to, one genre or all, passing the filter, in an order) and the list's length.</summary>
    /// <exception cref="CatalogQueryException">
    /// INVALID_RANGE, RANGE_TOO_LARGE, YEAR_OUT_OF_RANGE, INVALID_LIMIT, INVALID_CURSOR, UNKNOWN_DATASET, FILTER_UNAVAILABLE,
    /// INVALID_FILTER, UNKNOWN_GENRE.
    /// </exception>
    Task<MovieConnection> GetMoviesAsync(
        int from, int to, string? genre, MovieFilter? filter, MovieOrder order, int first, string? after, string? dataset,
        CancellationToken cancellationToken);
}
