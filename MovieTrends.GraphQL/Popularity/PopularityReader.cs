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
    private readonly CatalogAnswerCache<(int Year, int Limit), PopularityReport> _answers = new(changes, telemetry, cacheSettings);

    /// <exception cref="CatalogQueryException">YEAR_OUT_OF_RANGE, INVALID_LIMIT.</exception>
    public Task<PopularityReport> ReadAsync(int year, int limit, CancellationToken cancellationToken) =>
        _answers.GetOrReadAsync((year, limit), this, static (reader, key, ct) => reader.ReadReportAsync(key.Year, key.Limit, ct), cancellationToken);

    private async Task<PopularityReport> ReadReportAsync(int year, int limit, CancellationToken cancellationToken)
    {
        CatalogArguments.CheckYear(year, "year");
        CatalogArguments.CheckLimit(limit);

        var aggregates = await catalogAggregates.GetAsync(cancellationToken);
        var movies = await availability.ObserveAsync(() => ReadMostAndLeastPopularAsync(year, limit, cancellationToken));
        // Each half holds min(limit, the year's movies) rows: the top first, then the bottom.
        var top = movies.Count / 2;
        return new PopularityReport(year, aggregates.MovieCount(year), movies[..top], movies[top..]);
    }

    private async Task<List<Movie>> ReadMostAndLeastPopularAsync(int year, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.MostAndLeastPopular);
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
            // real holds 7.2 as 7.19999980926514; going through decimal gives back the value as imported.
            VoteAverage: reader.IsDBNull(4) ? null : (double)(decimal)reader.GetFloat(4),
            VoteCount: reader.IsDBNull(5) ? null : reader.GetInt32(5),
            Genres: reader.GetFieldValue<string[]>(7),
            Overview: reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    private static NpgsqlParameter<int> Int(int value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
