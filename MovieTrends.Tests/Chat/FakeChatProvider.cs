using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// A real HTTP server on a loopback port that speaks the OpenAI chat-completions wire format
/// (non-streaming), standing in for the AI provider. Each request is answered by the next scripted
/// step, and every request body and Authorization header is kept for assertions.
/// </summary>
public sealed class FakeChatProvider : IAsyncDisposable
{
    public delegate Task Step(JsonObject request, HttpContext context);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();

    private FakeChatProvider(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>The base URL a client configures, like https://api.x.ai/v1.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeChatProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = new FakeChatProvider(builder.Build());
        provider._app.MapPost("/v1/chat/completions", provider.HandleAsync);
        await provider._app.StartAsync();
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Endpoint = new Uri($"{address}/v1");
        return provider;
    }

    public void Then(Step step) => _script.Enqueue(step);

    /// <summary>The model answers with text.</summary>
    public void ThenReply(string text) => Then((_, context) => WriteCompletion(context, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop"));

    /// <summary>The model answers with text computed from what the service sent (e.g. a tool result).</summary>
    public void ThenReply(Func<JsonObject, string> compose) =>
        Then((request, context) => WriteCompletion(context, new JsonObject { ["role"] = "assistant", ["content"] = compose(request) }, "stop"));

    /// <summary>The model asks for one tool call.</summary>
    public void ThenCallTool(string name, object arguments) =>
        Then((_, context) => WriteCompletion(
            context,
            new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"call_{Guid.NewGuid():N}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonSerializer.Serialize(arguments) },
                }),
            },
            "tool_calls"));

    public void ThenFail(int status, string body = """{"error":{"message":"internal error","type":"server_error"}}""") =>
        Then(async (_, context) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });

    /// <summary>Holds the request open (until the client gives up) before answering.</summary>
    public void ThenStall(TimeSpan delay) => Then(async (_, context) =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await WriteCompletion(context, new JsonObject { ["role"] = "assistant", ["content"] = "too late" }, "stop");
    });

    /// <summary>The content of the last tool-result message the service sent.</summary>
    public static JsonNode LastToolResult(JsonObject request) =>
        JsonNode.Parse(request["messages"]!.AsArray().Last(message => (string?)message!["role"] == "tool")!["content"]!.GetValue<string>())!;

    private async Task HandleAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Requests.Enqueue(request);
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        if (_script.TryDequeue(out var step))
        {
            await step(request, context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsync("""{"error":{"message":"the test script has no step left"}}""");
    }

    private static Task WriteCompletion(HttpContext context, JsonObject message, string finishReason)
    {
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 321, ["completion_tokens"] = 45, ["total_tokens"] = 366 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
