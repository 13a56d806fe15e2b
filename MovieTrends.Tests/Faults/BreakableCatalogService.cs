using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Chat;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// The GraphQL service, wired as its Program does, over a private PostgreSQL cluster loaded with the default
/// catalog through the real importer, with the service's logs captured: a database the test may break.
/// Some answers are read once before anything breaks, so they are held in memory as they would be in a
/// service that has been running for a while.
/// </summary>
public class BreakableCatalogService : IAsyncLifetime
{
    private InProcessGraphQLService? _service;

    public PrivatePostgres Database { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public HttpClient Client => _service?.Client ?? throw new InvalidOperationException("The service has not started.");

    public virtual async Task InitializeAsync()
    {
        Database = await PrivatePostgres.StartAsync();
        await using (var server = NpgsqlDataSource.Create(Database.ConnectionString("postgres")))
        {
            await using var create = server.CreateCommand($"CREATE DATABASE {CatalogConnection.Name}");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = Database.ConnectionString(CatalogConnection.Name);
        await using (var catalog = NpgsqlDataSource.Create(connectionString))
        {
            await new MigrationRunner(catalog, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await new CatalogImporter(catalog, NullLogger<CatalogImporter>.Instance).ImportAsync(DefaultDataFile.Path);
        }

        // Information, as a deployment logs: what an outage writes there is part of what the tests check.
        _service = await InProcessGraphQLService.StartAsync(connectionString, builder =>
            builder.Logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        foreach (var warmUp in OutageRequests.WarmUp)
        {
            using var response = await Client.SendAsync(warmUp());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal), $"Warm-up failed: {body}");
        }
    }

    /// <summary>The log lines written since <paramref name="mark"/> (a count of <see cref="CapturedLogs.Lines"/> taken earlier).</summary>
    public string[] LogsSince(int mark) => [.. Logs.Lines.Skip(mark)];

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
