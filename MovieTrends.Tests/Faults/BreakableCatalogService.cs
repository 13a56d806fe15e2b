using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Tests.Chat;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// The GraphQL service, hosted by its own Program, over a private PostgreSQL cluster loaded with the default
/// catalog through the real importer, with the service's logs captured: a database the test may break.
/// Some answers are read once before anything breaks, so they are held in memory as they would be in a
/// service that has been running for a while.
/// </summary>
public class BreakableCatalogService : IAsyncLifetime
{
    private readonly string _connectionSettings;

    private InProcessGraphQLService? _service;

    public BreakableCatalogService()
        : this("")
    {
    }

    /// <param name="connectionSettings">Appended to the connection string, as a deployment's own bounds would be.</param>
    protected BreakableCatalogService(string connectionSettings) => _connectionSettings = connectionSettings;

    public PrivatePostgres Database { get; private set; } = null!;

    /// <summary>The loaded database's connection string, with the service's own connection settings.</summary>
    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; } = new();

    public HttpClient Client => Service.Client;

    public InProcessGraphQLService Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public virtual async Task InitializeAsync()
    {
        Database = await PrivatePostgres.StartAsync();
        ConnectionString = await DefaultCatalogDatabase.CreateAsync(Database) + _connectionSettings;

        // Information, as a deployment logs: what an outage writes there is part of what the tests check.
        _service = await InProcessGraphQLService.StartAsync(ConnectionString, builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information)));
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
