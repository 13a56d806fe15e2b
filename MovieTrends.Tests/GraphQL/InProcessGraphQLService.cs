using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Http;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The GraphQL service hosted in the test process, wired exactly as its Program does, over a database of
/// the test's choosing, with its traces and metrics captured in memory.
/// </summary>
public sealed class InProcessGraphQLService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGraphQLService(WebApplication app, List<Activity> activities, List<MetricSnapshot> metrics, Uri address)
    {
        _app = app;
        Activities = activities;
        Metrics = metrics;
        Client = new HttpClient { BaseAddress = address };
    }

    public List<Activity> Activities { get; }

    public List<MetricSnapshot> Metrics { get; }

    public HttpClient Client { get; }

    /// <param name="configure">Runs before the services are added, so settings it writes (chat ones, say) apply.</param>
    public static async Task<InProcessGraphQLService> StartAsync(string movieDbConnectionString, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "MovieTrends.GraphQL",
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[$"ConnectionStrings:{CatalogConnection.Name}"] = movieDbConnectionString;
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.AddGraphQLApi();
        builder.AddChat();

        var activities = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(activities))
            .WithMetrics(meters => meters.AddInMemoryExporter(metrics));

        var app = builder.Build();
        app.UseErrorReplies();
        app.MapDefaultEndpoints();
        app.MapGraphQLApi();
        await app.StartAsync();
        await WaitUntilListeningForCatalogChangesAsync(app.Services);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessGraphQLService(app, activities, metrics, new Uri(address));
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
    public void FlushMetrics() => _app.Services.GetRequiredService<MeterProvider>().ForceFlush();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
