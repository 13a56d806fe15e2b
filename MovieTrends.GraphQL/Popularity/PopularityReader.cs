using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Popularity;

/// <summary>
/// A year's most and least popular movies, from the per-year ranking the importer maintains (one round trip),
/// kept per year and limit until the catalog changes; the year's movie count comes from the aggregates.
/// </summary>
public sealed class PopularityReader(
    NpgsqlDataSource dataSource,
    CatalogAggregatesStore catalogAggregates,
    DatabaseAvailability availability,
    CatalogChanges changes,
    GraphQLTelemetry telemetry,
    ResultCacheSettings cacheSettings)
{
    private readonly CatalogAnswerCache<(string Dataset, int Year, int Limit), PopularityReport> _answers = new(changes, telemetry, cacheSettings);

    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT.</exception>
    public Task<PopularityReport> ReadAsync(int year, int limit, CancellationToken cancellationToken) =>
        ReadAsync(year, limit, dataset: null, cancellationToken);

    /// <param name="dataset">A dataset id; null is the default dataset.</param>
    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT, UNKNOWN_DATASET.</exception>
    public async Task<PopularityReport> ReadAsync(int year, int limit, string? dataset, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckYear(year, "year");
        CatalogArguments.CheckLimit(limit);
        // Keyed on the resolved id, so the default dataset asked by name or by omission shares one entry.
        var datasetId = (await catalogAggregates.GetSnapshotAsync(cancellationToken)).Resolve(dataset).Id;
        return await _answers.GetOrReadAsync((datasetId, year, limit), this,
            static (reader, key, ct) => reader.ReadReportAsync(key.Dataset, key.Year, key.Limit, ct), cancellationToken);
    }

    private async Task<PopularityReport> ReadReportAsync(string dataset, int year, int limit, CancellationToken cancellationToken)
    {
        var aggregates = await catalogAggregates.GetAsync(dataset, cancellationToken);
        var movies = await availability.ObserveAsync(() => ReadMostAndLeastPopularAsync(dataset, year, limit, cancellationToken));
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
            movies.Add(ReadMovie(reader));
        }

        return movies;
    }

    private static Movie ReadMovie(NpgsqlDataReader reader)
    {
        return new Movie(
            Id: reader.GetInt32(0),
            Title: reader.GetString(1),
            ReleaseDate: reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
            Popularity: reader.GetDouble(3),
            // numeric holds the rating as the file wrote it; the nearest double prints it back the same way.
            VoteAverage: reader.IsDBNull(4) ? null : (double)reader.GetDecimal(4),
            VoteCount: reader.IsDBNull(5) ? null : reader.GetInt32(5),
            Genres: reader.GetFieldValue<string[]>(7),
            Overview: reader.IsDBNull(6) ? null : reader.GetString(6))
        {
            Runtime = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            Budget = reader.IsDBNull(9) ? null : reader.GetInt64(9),
            Revenue = reader.IsDBNull(10) ? null : reader.GetInt64(10),
            OriginalLanguage = reader.IsDBNull(11) ? null : reader.GetString(11),
            Status = reader.IsDBNull(12) ? null : reader.GetString(12),
        };
    }

    private static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
