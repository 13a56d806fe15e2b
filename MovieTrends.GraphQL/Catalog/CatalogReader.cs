using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Movies;
using MovieTrends.GraphQL.Genres;
using MovieTrends.GraphQL.Popularity;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>The whole catalog for the chat's tools, through the same readers (and caches) as the fields.</summary>
public sealed class CatalogReader(
    GenreTrendsReader trends,
    PopularityReader popularity,
    GenresReader genres,
    CatalogSummaryReader summary,
    CatalogAggregatesStore catalogAggregates,
    GenreRankingReader ranking,
    MoviesReader movies) : ICatalogReader
{
    public Task<GenreTrends> GetGenreTrendsAsync(int from, int to, IReadOnlyList<string>? genreNames, CancellationToken cancellationToken) =>
        trends.ReadAsync(from, to, genreNames, cancellationToken);

    public Task<GenreTrends> GetGenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genreNames, TrendMeasure measure, MovieFilter? filter, string? dataset,
        CancellationToken cancellationToken) =>
        trends.ReadAsync(from, to, genreNames, measure, filter, dataset, cancellationToken);

    public Task<PopularityReport> GetPopularityAsync(int year, int limit, CancellationToken cancellationToken) =>
        popularity.ReadAsync(year, limit, cancellationToken);

    public Task<PopularityReport> GetPopularityAsync(int year, int limit, MovieFilter? filter, string? dataset, CancellationToken cancellationToken) =>
        popularity.ReadAsync(year, limit, filter, dataset, cancellationToken);

    public Task<IReadOnlyList<GenreSummary>> GetGenresAsync(CancellationToken cancellationToken) =>
        genres.ReadAsync(cancellationToken);

    public async Task<IReadOnlyList<Dataset>> GetDatasetsAsync(CancellationToken cancellationToken) =>
        (await catalogAggregates.GetSnapshotAsync(cancellationToken)).Datasets;

    public Task<GenreRanking> GetGenreRankingAsync(
        int from, int to, TrendMeasure measure, MovieFilter? filter, string? dataset, CancellationToken cancellationToken) =>
        ranking.ReadAsync(from, to, measure, filter, dataset, cancellationToken);

    public Task<CatalogSummary> GetCatalogAsync(CancellationToken cancellationToken) =>
        summary.ReadAsync(cancellationToken);

    public Task<MovieConnection> GetMoviesAsync(
        int from, int to, string? genre, MovieFilter? filter, MovieOrder order, int first, string? after, string? dataset,
        CancellationToken cancellationToken) =>
        movies.ReadAsync(from, to, genre, filter, order, first, after, dataset, cancellationToken);
}
