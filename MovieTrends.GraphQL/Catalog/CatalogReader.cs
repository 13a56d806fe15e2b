using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Trends;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// Answers catalog questions: trends and counts from the aggregates held in memory, movies from PostgreSQL
/// (the per-year ranking the importer maintains) in one round trip per question.
/// </summary>
public sealed class CatalogReader(
    NpgsqlDataSource dataSource, CatalogAggregatesStore catalogAggregates, DatabaseAvailability availability) : ICatalogReader
{
    public async Task<GenreTrends> GetGenreTrendsAsync(
        int from, int to, IReadOnlyList<string>? genres, CancellationToken cancellationToken)
    {
        CatalogLimits.CheckRange(from, to);
        var aggregates = await catalogAggregates.GetAsync(cancellationToken);
        var requested = genres is null ? null : GenreNames.Resolve(genres, aggregates.GenreNames);
        return aggregates.Slice(from, to, requested);
    }

    public async Task<PopularityReport> GetPopularityAsync(int year, int limit, CancellationToken cancellationToken)
    {
        CatalogLimits.CheckYear(year, "year");
        CatalogLimits.CheckLimit(limit);

        var aggregates = await catalogAggregates.GetAsync(cancellationToken);
        var movies = await availability.ObserveAsync(() => ReadMostAndLeastPopularAsync(year, limit, cancellationToken));
        // Each half holds min(limit, the year's movies) rows: the top first, then the bottom.
        var top = movies.Count / 2;
        return new PopularityReport(year, aggregates.MovieCount(year), movies[..top], movies[top..]);
    }

    public Task<IReadOnlyList<GenreSummary>> GetGenresAsync(CancellationToken cancellationToken) =>
        availability.ObserveAsync(() => ReadGenresAsync(cancellationToken));

    public Task<CatalogSummary> GetCatalogAsync(CancellationToken cancellationToken) =>
        availability.ObserveAsync(() => ReadCatalogAsync(cancellationToken));

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

    private async Task<IReadOnlyList<GenreSummary>> ReadGenresAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.GenreSummaries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var genres = new List<GenreSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            genres.Add(new GenreSummary(reader.GetString(0), reader.GetInt32(1)));
        }

        return genres;
    }

    private async Task<CatalogSummary> ReadCatalogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CatalogSql.CatalogSummary);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CatalogSummary(
            MovieCount: reader.GetInt32(0),
            UndatedCount: reader.GetInt32(1),
            GenreCount: reader.GetInt32(2),
            FirstYear: reader.GetInt32(3),
            LastYear: reader.GetInt32(4),
            Sources: reader.GetFieldValue<string[]>(5),
            LastImportAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
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
