using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Tests.Chat;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// A service wired with the shared defaults exactly as the real ones are (AddServiceDefaults, UseErrorReplies),
/// in the environment a test picks, plus endpoints that fail the way a bug would: the only way to reach the
/// 500 path without a backdoor in the real services.
/// </summary>
public sealed class FaultingService : IAsyncDisposable
{
    /// <summary>What the fault's message carries; the reply must never show it.</summary>
    public const string Secret = "Password=hunter2 at /srv/app/Secret.cs:line 42";

    private readonly WebApplication _app;

    private FaultingService(WebApplication app, CapturedLogs logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address };
    }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    public static async Task<FaultingService> StartAsync(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddServiceDefaults();
        builder.Services.AddGraphQLErrorPath("/graphql");

        var app = builder.Build();
        app.UseErrorReplies();
        app.MapGet("/graphql/fault", string () => throw new InvalidOperationException(Secret));
        app.MapGet("/fault", string () => throw new InvalidOperationException(Secret));
        app.MapPost("/graphql", () => Results.Text("""{"data":{"__typename":"Query"}}""", "application/json"));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FaultingService(app, logs, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
