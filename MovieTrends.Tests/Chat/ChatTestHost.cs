using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;
using OpenTelemetry.Metrics;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The GraphQL service in the test process over the shared catalog database, with chat settings of the
/// test's choosing (a fake provider, tight limits) and its logs captured.
/// </summary>
public sealed class ChatTestHost : IAsyncDisposable
{
    public const string ChatMutation = """
        mutation Chat($input: ChatInput!) {
          chat(input: $input) { conversationId message mode notice citations { tool arguments summary } }
        }
        """;

    private readonly InProcessGraphQLService _service;

    private ChatTestHost(InProcessGraphQLService service, CapturedLogs logs)
    {
        _service = service;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public RecordedActivities Activities => _service.Activities;

    public List<MetricSnapshot> Metrics => _service.Metrics;

    public static async Task<ChatTestHost> StartAsync(string movieDbConnectionString, IDictionary<string, string?> chatSettings)
    {
        var logs = new CapturedLogs();
        var service = await InProcessGraphQLService.StartAsync(movieDbConnectionString, builder =>
        {
            foreach (var (key, value) in chatSettings)
            {
                builder.UseSetting($"Chat:{key}", value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        });
        return new ChatTestHost(service, logs);
    }

    /// <summary>Posts the chat mutation; returns the status, the raw body and the parsed body.</summary>
    public async Task<ChatResponse> ChatAsync(string message, object? view = null, string? conversationId = null)
    {
        using var response = await _service.Client.PostAsJsonAsync(
            "/graphql",
            new { query = ChatMutation, variables = new { input = new { message, conversationId, view } } });
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return new ChatResponse(response.StatusCode, response.Headers.RetryAfter?.Delta, body, document.RootElement.Clone());
    }

    public void FlushMetrics() => _service.FlushMetrics();

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}

public sealed record ChatResponse(HttpStatusCode Status, TimeSpan? RetryAfter, string Body, JsonElement Json)
{
    /// <summary>The reply; fails the test when the response has errors.</summary>
    public JsonElement Reply
    {
        get
        {
            Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
            Assert.False(Json.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
            return Json.GetProperty("data").GetProperty("chat");
        }
    }

    public string Message => Reply.GetProperty("message").GetString()!;

    public string Mode => Reply.GetProperty("mode").GetString()!;

    public string? Notice => Reply.GetProperty("notice").GetString();

    public string ConversationId => Reply.GetProperty("conversationId").GetString()!;

    public IReadOnlyList<(string Tool, string Arguments, string Summary)> Citations =>
        [.. Reply.GetProperty("citations").EnumerateArray().Select(citation => (
            citation.GetProperty("tool").GetString()!,
            citation.GetProperty("arguments").GetString()!,
            citation.GetProperty("summary").GetString()!))];

    /// <summary>The code of the one error, whose data must be null.</summary>
    public string ErrorCode
    {
        get
        {
            var errors = Json.GetProperty("errors");
            Assert.Equal(1, errors.GetArrayLength());
            Assert.Equal(JsonValueKind.Null, Json.GetProperty("data").ValueKind);
            return errors[0].GetProperty("extensions").GetProperty("code").GetString()!;
        }
    }

    public string ErrorMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString()!;
}
