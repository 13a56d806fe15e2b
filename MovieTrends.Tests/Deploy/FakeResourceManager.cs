using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// A real HTTP server on a loopback port that answers the two Azure Resource Manager calls the deploy hook makes
/// for a Container Apps job, the way Azure documents them: start (202 with the execution's name) and get an
/// execution (its properties.status, one scripted status per call). Every request is kept for assertions.
/// </summary>
public sealed class FakeResourceManager : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _statuses = new();

    private FakeResourceManager(WebApplication app) => _app = app;

    public const string ExecutionName = "ingest-7x2kq9p";

    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization)> Requests { get; } = new();

    /// <summary>When set, start answers with this status and ARM error body instead of starting.</summary>
    public (int Status, string Body)? StartRefusal { get; set; }

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeResourceManager> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var arm = new FakeResourceManager(builder.Build());
        arm._app.Use(async (context, next) =>
        {
            arm.Requests.Enqueue((context.Request.Method, $"{context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.ToString()));
            await next(context);
        });
        const string Job = "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.App/jobs/{job}";
        arm._app.MapPost($"{Job}/start", arm.Start);
        arm._app.MapGet($"{Job}/executions/{{execution}}", arm.Execution);
        await arm._app.StartAsync();
        arm.Endpoint = new Uri(arm._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return arm;
    }

    /// <summary>The statuses the execution reports, one per poll; the last one repeats.</summary>
    public void ThenStatuses(params string[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    private IResult Start(string subscription, string group, string job) =>
        StartRefusal is { } refusal
            ? Results.Content(refusal.Body, "application/json", statusCode: refusal.Status)
            : Results.Json(new { id = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.App/jobs/{job}/executions/{ExecutionName}", name = ExecutionName },
                statusCode: StatusCodes.Status202Accepted);

    private IResult Execution(string execution)
    {
        if (execution != ExecutionName)
        {
            return Results.Json(new { error = new { code = "ResourceNotFound", message = $"no execution {execution}" } }, statusCode: 404);
        }

        var status = _statuses.Count > 1 && _statuses.TryDequeue(out var next) ? next : _statuses.TryPeek(out var last) ? last : "Running";
        return Results.Json(new { name = execution, properties = new { status, template = new { containers = new[] { new { name = "ingest" } } } } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
