extern alias GraphQLService;

using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
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

    private InProcessGraphQLService(Factory factory, Uri address)
    {
        _factory = factory;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public List<Activity> Activities => _factory.Activities;

    public List<MetricSnapshot> Metrics => _factory.Metrics;

    /// <summary>Where the service listens: a real socket, so raw-socket and source-address clients reach it too.</summary>
    public Uri Address { get; }

    public HttpClient Client { get; }

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
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new InProcessGraphQLService(factory, new Uri(address));
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
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public List<Activity> Activities { get; } = [];

        public List<MetricSnapshot> Metrics { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(_environment);
            builder.UseSetting("ConnectionStrings:moviedb", _movieDbConnectionString);
            // Each host stands for a deployment of its own: its chat allowances are its own although the database is shared.
            builder.UseSetting("Chat:RateLimit:Scope", $"test-{Guid.NewGuid():N}");
            _configure?.Invoke(builder);
            builder.ConfigureServices(services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(Activities))
                .WithMetrics(meters => meters.AddInMemoryExporter(Metrics)));
        }
    }
}
