using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Sends one hostile request and holds it to what every such request must get: a bounded answer that
/// leaks nothing (no stack trace, type name, source path, connection string or echoed header), and a
/// service that still answers a plain query afterwards.
/// </summary>
public static class HostileProbe
{
    /// <summary>The two ways in: the GraphQL service directly and the web frontend's /graphql proxy.</summary>
    public static TheoryData<string> Targets => ["graphql", "web"];

    /// <summary>What a refusal may take, including a busy 2-core machine's scheduling noise.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(5);

    // A header value no honest reply has any reason to contain.
    private const string CanaryHeader = "X-Probe-Canary";

    private static readonly string[] Leaks =
    [
        "   at ", "Exception", ".cs:line", "Npgsql", "Password=", "Host=", "System.", "Microsoft.", "MovieTrends.",
    ];

    private static readonly string SourceRoot = FindSourceRoot();

    public static async Task<HostileReply> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan? budget = null)
    {
        var canary = Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation(CanaryHeader, canary);
        var limit = budget ?? DefaultBudget;
        // The client waits a little past the budget so an overrun is reported as one, not as a client timeout.
        using var timeout = new CancellationTokenSource(limit + TimeSpan.FromSeconds(10));
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        stopwatch.Stop();

        var reply = new HostileReply(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            [.. response.Headers.Concat(response.Content.Headers).Select(header => header.Key)],
            body,
            stopwatch.Elapsed);
        Assert.True(stopwatch.Elapsed <= limit, $"The reply took {stopwatch.Elapsed.TotalSeconds:F1} s, past the {limit.TotalSeconds:F0} s budget.");
        Assert.DoesNotContain(canary, body);
        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"The reply leaks '{leak}': {Truncate(body)}");
        }

        Assert.False(body.Contains(SourceRoot, StringComparison.Ordinal), $"The reply leaks a source path: {Truncate(body)}");
        return reply;
    }

    /// <summary>The request is refused with this status and the first error's extensions.code.</summary>
    public static async Task<HostileReply> AssertRefusedAsync(
        HttpClient http, HttpRequestMessage request, HttpStatusCode status, string code, TimeSpan? budget = null)
    {
        var reply = await SendAsync(http, request, budget);
        Assert.True(reply.Status == status, $"Expected {(int)status} {code}, got {(int)reply.Status}: {Truncate(reply.Body)}");
        Assert.Equal(code, reply.ErrorCode());
        await AssertStillAnswersAsync(http);
        return reply;
    }

    /// <summary>A plain query right after still gets its data.</summary>
    public static async Task AssertStillAnswersAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The service no longer answers: {(int)response.StatusCode} {Truncate(body)}");
        Assert.Contains("\"__typename\":\"Query\"", body);
    }

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private static string FindSourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MovieTrends.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}

/// <summary>What came back for a hostile request.</summary>
public sealed record HostileReply(HttpStatusCode Status, string? MediaType, string[] HeaderNames, string Body, TimeSpan Elapsed)
{
    /// <summary>The first error's extensions.code, or null when the body is not a GraphQL error reply.</summary>
    public string? ErrorCode()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("errors", out var errors)
                   && errors.GetArrayLength() > 0
                   && errors[0].TryGetProperty("extensions", out var extensions)
                   && extensions.TryGetProperty("code", out var code)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
