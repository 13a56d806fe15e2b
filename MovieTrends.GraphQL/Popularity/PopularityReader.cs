using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Movies;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Popularity;

/// <summary>
/// A year's most and least popular movies, from the per-year ranking the importer maintains (one round trip),
/// kept per year and limit until the catalog changes; the year's movie count comes from the aggregates. With a
/// filter, the analysis engine ranks the year's passing movies in memory and their details are read by id.
/// </summary>
public sealed class PopularityReader(
    NpgsqlDataSource dataSource,
    CatalogAggregatesStore catalogAggregates,
    MovieColumnsStore movieColumns,
    MovieDetailsReader movieDetails,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<(string Dataset, int Year, int Limit), PopularityReport> _answers = new(changes, telemetry, cacheSettings);
    // Keyed by the columns read too: old columns answer while new ones are read, and their answers must not outlive that.
    private readonly CatalogAnswerCache<(string Dataset, long ColumnsReadAt, int Year, int Limit, MovieFilter Filter), PopularityReport> _filteredAnswers =
        new(changes, telemetry, cacheSettings);

    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT.</exception>
    public Task<PopularityReport> ReadAsync(int year, int limit, CancellationToken cancellationToken) =>
        ReadAsync(year, limit, dataset: null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT, UNKNOWN_DATASET.</exception>
    public Task<PopularityReport> ReadAsync(int year, int limit, string? dataset, CancellationToken cancellationToken) =>
        ReadAsync(year, limit, filter: null, dataset, cancellationToken);

    /// <param name="filter">Only movies that pass it; null or empty for every movie.</param>
    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT, UNKNOWN_DATASET, FILTER_UNAVAILABLE, INVALID_FILTER.</exception>
    public async Task<PopularityReport> ReadAsync(int year, int limit, MovieFilter? filter, string? dataset, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckYear(year, "year");
        CatalogArguments.CheckLimit(limit);
        // Keyed on the resolved id, so the default dataset asked by name or by omission shares one entry.
        var resolved = (await catalogAggregates.GetSnapshotAsync(cancellationToken)).Resolve(dataset);
        if (filter is null || filter.IsEmpty)
        {
            return await _answers.GetOrReadAsync((resolved.Id, year, limit), this,
                static (reader, key, ct) => reader.ReadReportAsync(key.Dataset, key.Year, key.Limit, ct), cancellationToken);
        }

        AnalysisArguments.CheckFilter(filter, resolved);
        var columns = await movieColumns.GetAsync(resolved.Id, cancellationToken);
        return await _filteredAnswers.GetOrReadAsync((resolved.Id, columns.ReadAt, year, limit, filter.Normalized()), (Reader: this, Columns: columns),
            static (state, key, ct) => state.Reader.RankFilteredAsync(state.Columns, key.Dataset, key.Year, key.Limit, key.Filter, ct), cancellationToken);
    }

    private async Task<PopularityReport> RankFilteredAsync(
        MovieColumns columns, string dataset, int year, int limit, MovieFilter filter, CancellationToken cancellationToken)
    {
        var (movieCount, top, bottom) = PopularityRanker.Rank(columns, year, limit, new MoviePredicate(filter, columns));
        var topIds = top.Select(row => columns.Ids[row]).ToArray();
        var bottomIds = bottom.Select(row => columns.Ids[row]).ToArray();
        var movies = (await movieDetails.ReadAsync(dataset, [.. topIds.Union(bottomIds)], cancellationToken)).ToDictionary(movie => movie.Id);
        return new PopularityReport(
            year,
            movieCount,
            [.. topIds.Where(movies.ContainsKey).Select(id => movies[id])],
            [.. bottomIds.Where(movies.ContainsKey).Select(id => movies[id])]);
    }

    private async Task<PopularityReport> ReadReportAsync(string dataset, int year, int limit, CancellationToken cancellationToken)
    {
        var aggregates = await catalogAggregates.GetAsync(dataset, cancellationToken);
        var movies = await availability.ObserveAsync(() => ReadMostAndLeastPopularAsync(dataset, year, limit, cancellationToken), cancellationToken);
        // Each half holds min(limit, the year's movies) rows: the top first, then the bottom.
        var top = movies.Count / 2;
        return new PopularityReport(year, aggregates.MovieCount(year), movies[..top], movies[top..]);
    }

    private async Task<List<Movie>> ReadMostAndLeastPopularAsync(string dataset, int year, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.MostAndLeastPopular);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(Int(year));
        command.Parameters.Add(Int(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var movies = new List<Movie>(2 * limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            movies.Add(MovieRow.Read(reader));
        }

        return movies;
    }

    private static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
