using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Ingest.Hosting;
using MovieTrends.Tests.Chat;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using Npgsql;

namespace MovieTrends.Tests.Ingest;

/// <summary>
/// The first-run load over a catalog from before the datasets (migration 0005): the default dataset's movies
/// were loaded when the catalog kept no runtime, budget, revenue, language or status, so the load imports its
/// file again, says so, and the values are back as the raw file has them. A catalog loaded since is left alone.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FirstRunReloadTests(ScratchDatabaseServer server)
{
    // What migration 0005 leaves of a 5000-file catalog loaded before it: no detail values, coverage rebuilt.
    private const string AsBeforeTheDetailColumns = """
        UPDATE movies SET runtime = NULL, budget = NULL, revenue = NULL, original_language = NULL, status = NULL
        WHERE dataset_id = 'tmdb-5000';
        SELECT rebuild_dataset_counts('tmdb-5000');
        """;

    private const string StoredDetails = """
        SELECT id, runtime, budget, revenue, original_language, status, vote_average::float8
        FROM movies WHERE dataset_id = 'tmdb-5000'
        """;

    [Fact]
    public async Task A_default_dataset_loaded_before_its_detail_columns_is_imported_again_with_the_files_values()
    {
        var connectionString = await server.CreateScratchDatabaseAsync();
        await RunFirstRunLoadAsync(connectionString, new CapturedLogs());
        await ExecuteAsync(connectionString, AsBeforeTheDetailColumns);
        var importsBefore = await ScalarAsync<long>(connectionString, "SELECT count(*) FROM imports");

        var logs = new CapturedLogs();
        await RunFirstRunLoadAsync(connectionString, logs);

        Assert.Equal(Expected(), await StoredAsync(connectionString));
        Assert.Equal(importsBefore + 1, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM imports"));
        Assert.Contains(logs.Lines, line => line.Contains(
            "Dataset 'tmdb-5000' was loaded before the catalog kept budget, original_language, revenue, runtime, status", StringComparison.Ordinal));

        // Now whole, it is kept as it is.
        await RunFirstRunLoadAsync(connectionString, new CapturedLogs());
        Assert.Equal(importsBefore + 1, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM imports"));
    }

    /// <summary>Per movie of the raw 5000 file: what each detail column must hold (null for unknown) and the rating as written.</summary>
    private static Dictionary<int, (long?, long?, long?, string?, string?, double?)> Expected() =>
        DatasetOracle.Tmdb5000.Movies.ToDictionary(
            movie => movie.Id,
            movie => (
                (long?)KnownValues.Runtime(movie),
                (long?)KnownValues.Budget(movie),
                (long?)KnownValues.Revenue(movie),
                movie.OriginalLanguage,
                movie.Status,
                movie.VoteAverage));

    private static async Task<Dictionary<int, (long?, long?, long?, string?, string?, double?)>> StoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(StoredDetails, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<int, (long?, long?, long?, string?, string?, double?)>();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetInt32(0), (
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        }

        return stored;
    }

    private static async Task RunFirstRunLoadAsync(string connectionString, CapturedLogs logs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[DefaultCatalogLoader.DataFileSetting] = RawTmdbData.DataFilePath;
        builder.Logging.AddProvider(logs);
        builder.AddIngest(connectionString);
        using var host = builder.Build();
        Assert.Equal(0, await host.RunIngestAsync(new IngestCommand(IngestAction.Startup)));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
