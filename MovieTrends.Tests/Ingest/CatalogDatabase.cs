using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Ingest;

/// <summary>
/// A scratch database on a test server with the catalog schema, the importer pointed at it, and reads of
/// what landed: each test owns every row it looks at.
/// </summary>
public sealed class CatalogDatabase : IAsyncDisposable
{
    private CatalogDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        DataSource = dataSource;
        Importer = new CatalogImporter(dataSource, NullLogger<CatalogImporter>.Instance);
        Migrations = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
    }

    public sealed record Movie(int Id, string Title, DateOnly? ReleaseDate, double Popularity, float? VoteAverage,
        int? VoteCount, string? Overview, string Source, string[] Genres);

    public CatalogImporter Importer { get; }

    public MigrationRunner Migrations { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>With its password, for another process (the data source's own copy has it removed).</summary>
    public string ConnectionString { get; }

    /// <summary>An empty scratch database, migrated unless <paramref name="migrate"/> is false.</summary>
    public static async Task<CatalogDatabase> CreateAsync(ScratchDatabaseServer server, bool migrate = true)
    {
        var database = new CatalogDatabase(await server.CreateScratchDatabaseAsync());
        if (migrate)
        {
            await database.Migrations.MigrateAsync();
        }

        return database;
    }

    public Task<ImportSummary> ImportAsync(string path) => Importer.ImportAsync(path);

    /// <param name="dataset">One dataset's movies; null for all, when only one dataset was imported.</param>
    public async Task<Dictionary<int, Movie>> MoviesAsync(string? dataset = null)
    {
        var movies = new Dictionary<int, Movie>();
        await using var command = DataSource.CreateCommand("""
            SELECT m.id, m.title, m.release_date, m.popularity, m.vote_average, m.vote_count, m.overview, m.source,
                   coalesce(array_agg(g.name) FILTER (WHERE g.name IS NOT NULL), '{}')
            FROM movies m
            LEFT JOIN movie_genres mg ON mg.dataset_id = m.dataset_id AND mg.movie_id = m.id
            LEFT JOIN genres g ON g.id = mg.genre_id
            WHERE m.dataset_id = coalesce($1, m.dataset_id)
            GROUP BY m.dataset_id, m.id
            """);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = dataset, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var movie = new Movie(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : (float)reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                [.. reader.GetFieldValue<string[]>(8).Order(StringComparer.Ordinal)]);
            movies.Add(movie.Id, movie);
        }

        return movies;
    }

    /// <summary>(genre name, year) → movies, straight from the aggregate table.</summary>
    public async Task<Dictionary<(string Genre, int Year), int>> GenreYearCountsAsync(string? dataset = null)
    {
        var counts = new Dictionary<(string, int), int>();
        await using var command = DataSource.CreateCommand(
            "SELECT g.name, c.year, c.movie_count FROM genre_year_counts c JOIN genres g ON g.id = c.genre_id WHERE c.dataset_id = coalesce($1, c.dataset_id)");
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = dataset, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add((reader.GetString(0), reader.GetInt16(1)), reader.GetInt32(2));
        }

        return counts;
    }

    public async Task<Dictionary<int, int>> YearCountsAsync(string? dataset = null)
    {
        var counts = new Dictionary<int, int>();
        await using var command = DataSource.CreateCommand("SELECT year, movie_count FROM year_counts WHERE dataset_id = coalesce($1, dataset_id)");
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = dataset, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetInt16(0), reader.GetInt32(1));
        }

        return counts;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A fingerprint of the catalog tables (imports aside), to prove that nothing changed; with
    /// <paramref name="catalogOnly"/> the movie data alone, leaving out which import wrote it and the genre ids.
    /// </summary>
    public Task<string> SnapshotAsync(bool catalogOnly = false) => ScalarAsync<string>(catalogOnly ? CatalogSnapshotSql : FullSnapshotSql);

    private const string CatalogSnapshotSql = """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(concat_ws(',', id, title, release_date, release_year, popularity, vote_average, vote_count, overview, source, dataset_id, runtime, budget, revenue, original_language, status), ';' ORDER BY dataset_id, id) FROM movies),
            (SELECT string_agg(concat_ws(',', mg.dataset_id, mg.movie_id, g.name), ';' ORDER BY mg.dataset_id, mg.movie_id, g.name) FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id),
            (SELECT string_agg(concat_ws(',', c.dataset_id, g.name, c.year, c.movie_count), ';' ORDER BY c.dataset_id, g.name, c.year) FROM genre_year_counts c JOIN genres g ON g.id = c.genre_id),
            (SELECT string_agg(y::text, ',' ORDER BY dataset_id, year) FROM year_counts y)))
        """;

    private const string FullSnapshotSql = """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(m::text, ',' ORDER BY dataset_id, id) FROM movies m),
            (SELECT string_agg(mg::text, ',' ORDER BY dataset_id, movie_id, genre_id) FROM movie_genres mg),
            (SELECT string_agg(g::text, ',' ORDER BY id) FROM genres g),
            (SELECT string_agg(c::text, ',' ORDER BY dataset_id, genre_id, year) FROM genre_year_counts c),
            (SELECT string_agg(y::text, ',' ORDER BY dataset_id, year) FROM year_counts y)))
        """;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
