extern alias GraphQLService;

using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The GraphQL service hosted in the test process by its own Program, on a loopback port, over a database of
/// the test's choosing, with its traces and metrics captured in memory.
/// </summary>
public sealed class InProcessGraphQLService : IAsyncDisposable
{
    private readonly Factory _factory;

    private InProcessGraphQLService(Factory factory, Uri address, Uri h2cAddress)
    {
        _factory = factory;
        Address = address;
        H2cAddress = h2cAddress;
        Client = new HttpClient { BaseAddress = address };
    }

    // The names of the service's Kestrel endpoints (its appsettings.json).
    private const string HttpEndpoint = "http";
    private const string H2cEndpoint = "h2c";

    public RecordedActivities Activities => _factory.Activities;

    public List<MetricSnapshot> Metrics => _factory.Metrics;

    /// <summary>Where the service listens: a real socket, so raw-socket and source-address clients reach it too.</summary>
    public Uri Address { get; }

    /// <summary>The HTTP/2-only cleartext endpoint the web proxy uses, as under the AppHost.</summary>
    public Uri H2cAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The service's own services, for tests that watch a component from the inside or act as one (a catalog change heard, say).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <param name="configure">
    /// Settings written with <see cref="HostingAbstractionsWebHostBuilderExtensions.UseSetting"/> are in place before
    /// Program adds the services, so chat settings, say, apply.
    /// </param>
    /// <param name="environment">Production by default, as a deployment runs; the AppHost runs services as Development.</param>
    public static async Task<InProcessGraphQLService> StartAsync(string movieDbConnectionString, Action<IWebHostBuilder>? configure = null,
        string? environment = null)
    {
        var factory = new Factory(movieDbConnectionString, environment ?? Environments.Production, configure);
        try
        {
            factory.StartServer();
            await WaitUntilListeningForCatalogChangesAsync(factory.Services);
            return new InProcessGraphQLService(factory, factory.BoundAddress(HttpEndpoint), factory.BoundAddress(H2cEndpoint));
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The change listener drops the caches when it first connects; a request answered before that would not
    /// be cached, so tests about caching start once the listener is in place.
    /// </summary>
    private static async Task WaitUntilListeningForCatalogChangesAsync(IServiceProvider services)
    {
        var changes = services.GetRequiredService<CatalogChanges>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (changes.Version == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The GraphQL service did not start listening for catalog changes within 30 s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Exports every metric recorded so far into <see cref="Metrics"/>.</summary>
    public void FlushMetrics() => _factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory : WebApplicationFactory<GraphQLService::Program>
    {
        private readonly string _movieDbConnectionString;
        private readonly string _environment;
        private readonly Action<IWebHostBuilder>? _configure;

        public Factory(string movieDbConnectionString, string environment, Action<IWebHostBuilder>? configure)
        {
            _movieDbConnectionString = movieDbConnectionString;
            _environment = environment;
            _configure = configure;
            UseKestrel();
        }

        private readonly Dictionary<string, ListenOptions> _endpoints = [];

        public RecordedActivities Activities { get; } = new();

        public List<MetricSnapshot> Metrics { get; } = [];

        /// <summary>Where a named endpoint listens once started: its configured port 0 becomes the bound one.</summary>
        public Uri BoundAddress(string endpoint) =>
            _endpoints.TryGetValue(endpoint, out var listen) && listen.IPEndPoint is { Port: > 0 } bound
                ? new Uri($"http://{bound}")
                : throw new InvalidOperationException($"The GraphQL service has no bound Kestrel endpoint '{endpoint}'; its appsettings.json names them.");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(_environment);
            builder.UseSetting("ConnectionStrings:moviedb", _movieDbConnectionString);
            // Each host stands for a deployment of its own: its chat allowances are its own although the database is shared.
            builder.UseSetting("Chat:RateLimit:Scope", $"test-{Guid.NewGuid():N}");
            _configure?.Invoke(builder);
            // The endpoints of the service's appsettings.json, on free loopback ports: added last, these win.
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"Kestrel:Endpoints:{HttpEndpoint}:Url"] = "http://127.0.0.1:0",
                [$"Kestrel:Endpoints:{H2cEndpoint}:Url"] = "http://127.0.0.1:0",
            }));
            builder.ConfigureServices(services => services.PostConfigure<KestrelServerOptions>(kestrel => kestrel.ConfigurationLoader?
                .Endpoint(HttpEndpoint, endpoint => _endpoints[HttpEndpoint] = endpoint.ListenOptions)
                .Endpoint(H2cEndpoint, endpoint => _endpoints[H2cEndpoint] = endpoint.ListenOptions)));
            builder.ConfigureServices(services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(Activities))
                .WithMetrics(meters => meters.AddInMemoryExporter(Metrics)));
        }
    }
}
