using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The whole application, started once for every test in the "app" collection: the real AppHost with its
/// PostgreSQL (local server or container, whichever this machine has) on a data folder of its own, so tests
/// never touch the developer's data. Startup loads the default catalog like a first run does.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    // A cold start builds nothing but initializes a cluster, migrates and imports; a busy 2-core machine is slow.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(5);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"movietrends-tests-{Guid.NewGuid():N}");
    private DistributedApplication? _app;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application has not started.");

    /// <summary>The connection string the services get for the catalog database.</summary>
    public string MovieDbConnectionString { get; private set; } = "";

    public HttpClient CreateHttpClient(string resourceName) => App.CreateHttpClient(resourceName);

    /// <summary>AppHost settings beyond the fixture's own, as <c>key=value</c> command-line arguments.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartupTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MovieTrends_AppHost>(
            // The suite checks the offline analyst: an xAI key in the environment must not reach a real provider.
            [$"Postgres:DataDirectory={_dataDirectory}", "Parameters:xai-api-key=", .. Settings],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);

        builder.Services.AddLogging(logging => logging
            // Probes fail by design until each resource is up; the resources' own warnings and errors still show.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("MovieTrends.AppHost.Resources", LogLevel.Warning));

        _app = await builder.BuildAsync(timeout.Token);
        // Created once: the app's logger factory is disposed with the app, before the fixture logs its shutdown.
        _logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<AppFixture>();
        await _app.StartAsync(timeout.Token);

        // A failed import or crashed service ends the wait at once instead of at the timeout.
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        await notifications.WaitForResourceHealthyAsync("graphql", WaitBehavior.StopOnResourceUnavailable, timeout.Token);
        await notifications.WaitForResourceHealthyAsync("web", WaitBehavior.StopOnResourceUnavailable, timeout.Token);

        MovieDbConnectionString = await _app.GetConnectionStringAsync(CatalogConnection.Name, timeout.Token)
            ?? throw new InvalidOperationException("The AppHost has no connection string for 'moviedb'.");
        _logger.LogInformation("The app is healthy {Seconds:F1} s after the fixture started it.", stopwatch.Elapsed.TotalSeconds);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            await _app.StopAsync();
            _logger.LogInformation("The app stopped in {Seconds:F1} s.", stopwatch.Elapsed.TotalSeconds);
            await _app.DisposeAsync();
        }

        await DeleteDataDirectoryAsync();
    }

    private async Task DeleteDataDirectoryAsync()
    {
        // The server removes postmaster.pid as the last step of shutting down; wait for it before deleting.
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        for (var attempt = 0; attempt < 50 && File.Exists(pidFile); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (UnauthorizedAccessException exception)
        {
            // A container's server owns its bind-mounted files under its own user id; a non-root
            // test run cannot delete them. They are in the temp folder, so report and move on.
            Console.Error.WriteLine($"Could not delete the test data folder {_dataDirectory}: {exception.Message}");
        }
    }
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<AppFixture>;
