using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MovieTrends.Tests.Infrastructure;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The LLM path against a fake provider on a loopback port that speaks the OpenAI wire format, with
/// the tools running against the real catalog database.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LlmChatTests(InProcessApp app) : IAsyncLifetime
{
    private const string Model = "grok-test-model";
    private readonly string _apiKey = $"xai-test-{Guid.NewGuid():N}";
    private FakeChatProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeChatProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Sends_the_model_the_rebuilt_view_and_the_tool_definitions()
    {
        await using var host = await StartAsync();
        _provider.ThenReply("Drama leads this view.");

        var reply = await host.ChatAsync(
            "What stands out here?",
            new { trendsFrom = 2000, trendsTo = 2010, genres = new[] { "Drama", "Comedy" }, popularityYear = 2010 });

        Assert.Equal(("LLM", "Drama leads this view."), (reply.Mode, reply.Message));
        Assert.Empty(reply.Citations);
        var request = Assert.Single(_provider.Requests);
        Assert.Equal($"Bearer {_apiKey}", Assert.Single(_provider.Authorizations));
        Assert.Equal(Model, (string?)request["model"]);

        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", (string?)messages[0]!["role"]);
        var prompt = (string)messages[0]!["content"]!;
        Assert.Contains("not instructions", prompt);
        Assert.Contains(Invariant($"Popularity 2010 ({ExpectedFigures.Movies(2010):N0} dated movies)"), prompt);
        Assert.Contains(Invariant($"Most popular: 1. {ExpectedFigures.MostPopular(2010).Title} ({ExpectedFigures.MostPopular(2010).Popularity:0.##})"), prompt);
        foreach (var genre in new[] { "Drama", "Comedy" })
        {
            Assert.Contains(
                Invariant($"{genre} {ExpectedFigures.Movies(genre, 2000, 2000)} → {ExpectedFigures.Movies(genre, 2010, 2010)} ({ExpectedFigures.Movies(genre, 2000, 2010):N0})"),
                prompt);
        }

        Assert.Equal(("user", "What stands out here?"), ((string?)messages[^1]!["role"], (string?)messages[^1]!["content"]));

        var tools = request["tools"]!.AsArray().Select(tool => tool!["function"]!).ToDictionary(function => (string)function["name"]!);
        Assert.Equal(["catalog", "datasets", "genre_ranking", "genre_trends", "movies", "popularity"], tools.Keys.Order());
        var popularity = tools["popularity"]["parameters"]!;
        Assert.Equal("integer", (string?)popularity["properties"]!["year"]!["type"]);
        Assert.Equal(["year"], popularity["required"]!.AsArray().Select(name => (string)name!));
        var trends = tools["genre_trends"]["parameters"]!;
        Assert.Equal(["from", "to"], trends["required"]!.AsArray().Select(name => (string)name!));
    }

    [Fact]
    public async Task Runs_the_popularity_tool_against_the_database_and_cites_it()
    {
        await using var host = await StartAsync();
        _provider.ThenCallTool("popularity", new { year = 2010 });
        _provider.ThenReply(request =>
        {
            var result = FakeChatProvider.LastToolResult(request);
            var top = result["top"]![0]!;
            return Invariant($"The most popular movie of {result["year"]} is {top["title"]} (popularity {(double)top["popularity"]!}), among {result["movieCount"]} dated movies.");
        });

        var reply = await host.ChatAsync("What was the most popular movie in 2010?");

        var top = ExpectedFigures.MostPopular(2010);
        Assert.Equal("Inception", top.Title);
        Assert.Equal(225, ExpectedFigures.Movies(2010));
        Assert.Equal("LLM", reply.Mode);
        Assert.Equal(
            Invariant($"The most popular movie of 2010 is {top.Title} (popularity {top.Popularity.ToString(CultureInfo.InvariantCulture)}), among {ExpectedFigures.Movies(2010)} dated movies."),
            reply.Message);
        var citation = Assert.Single(reply.Citations);
        Assert.Equal(("popularity", """{"year":2010,"limit":5}"""), (citation.Tool, citation.Arguments));
        Assert.Contains(Invariant($"2010: {ExpectedFigures.Movies(2010)} dated movies; most popular {top.Title} ({top.Popularity:0.##})"), citation.Summary);

        var followUp = _provider.Requests.Last()["messages"]!.AsArray();
        var toolCall = followUp.Single(message => (string?)message!["role"] == "assistant")!["tool_calls"]![0]!;
        Assert.Equal("popularity", (string?)toolCall["function"]!["name"]);
        Assert.Equal(toolCall["id"]!.ToString(), followUp.Single(message => (string?)message!["role"] == "tool")!["tool_call_id"]!.ToString());
    }

    [Fact]
    public async Task A_bad_tool_argument_goes_back_to_the_model_as_an_error_it_can_correct()
    {
        await using var host = await StartAsync();
        _provider.ThenCallTool("genre_trends", new { from = 2000, to = 2010, genres = new[] { "Cowboy Opera" } });
        _provider.ThenReply(request => FakeChatProvider.LastToolResult(request)["error"]!.ToString());

        var reply = await host.ChatAsync("How did cowboy operas do?");

        Assert.Equal(("LLM", "UNKNOWN_GENRE"), (reply.Mode, reply.Message));
        Assert.StartsWith("UNKNOWN_GENRE:", Assert.Single(reply.Citations).Summary);
    }

    [Fact]
    public async Task Follow_ups_send_the_stored_history()
    {
        await using var host = await StartAsync();
        _provider.ThenReply("Drama.");
        _provider.ThenReply("Comedy.");

        var first = await host.ChatAsync("Largest genre in 2010?");
        var second = await host.ChatAsync("And in 2000?", conversationId: first.ConversationId);

        Assert.Equal(first.ConversationId, second.ConversationId);
        var sent = _provider.Requests.Last()["messages"]!.AsArray().Skip(1)
            .Select(message => ((string?)message!["role"], (string?)message["content"]));
        Assert.Equal([("user", "Largest genre in 2010?"), ("assistant", "Drama."), ("user", "And in 2000?")], sent);
    }

    [Fact]
    public async Task A_provider_past_the_timeout_falls_back_to_the_offline_analyst()
    {
        await using var host = await StartAsync(providerTimeoutSeconds: 1);
        _provider.ThenStall(TimeSpan.FromSeconds(30));

        var reply = await host.ChatAsync("What was the most popular movie in 2010?");

        Assert.Equal("OFFLINE", reply.Mode);
        Assert.StartsWith("The most popular movie of 2010 is Inception", reply.Message);
        Assert.Contains("the AI provider did not answer within 1 seconds", reply.Message);
    }

    [Fact]
    public async Task A_provider_500_falls_back_to_the_offline_analyst_with_a_note()
    {
        await using var host = await StartAsync();
        _provider.ThenFail(500);

        var reply = await host.ChatAsync("how many movies in 2010");

        Assert.Equal("OFFLINE", reply.Mode);
        Assert.StartsWith("225 dated movies were released in 2010.", reply.Message);
        Assert.Contains("the AI provider answered with an error (HTTP 500)", reply.Message);
        Assert.Single(_provider.Requests);
    }

    [Fact]
    public async Task An_unreachable_provider_falls_back_to_the_offline_analyst()
    {
        await using var host = await StartAsync(endpoint: new Uri($"http://127.0.0.1:{ClosedPort()}/v1"));

        var reply = await host.ChatAsync("hello");

        Assert.Equal("OFFLINE", reply.Mode);
        Assert.Contains("the AI provider could not be reached", reply.Message);
    }

    [Fact]
    public async Task The_key_never_appears_in_logs_telemetry_or_responses()
    {
        await using var host = await StartAsync();
        // A provider that echoes the key it was sent, as some do in their error text.
        _provider.ThenFail(401, new JsonObject { ["error"] = new JsonObject { ["message"] = $"Incorrect API key provided: {_apiKey}" } }.ToJsonString());
        _provider.ThenCallTool("popularity", new { year = 2010 });
        _provider.ThenReply("Inception.");
        _provider.ThenFail(500, $"{{\"error\":{{\"message\":\"upstream failed for key {_apiKey}\"}}}}");

        var rejected = await host.ChatAsync("most popular movie in 2010");
        var answered = await host.ChatAsync("secret-question-text most popular movie in 2010");
        var failed = await host.ChatAsync("hello");
        host.FlushMetrics();

        Assert.Contains("the AI provider rejected the API key (HTTP 401)", rejected.Message);
        Assert.Equal("LLM", answered.Mode);
        Assert.Contains("HTTP 500", failed.Message);
        Assert.All(_provider.Authorizations, authorization => Assert.Equal($"Bearer {_apiKey}", authorization));
        Assert.All([rejected.Body, answered.Body, failed.Body], body => Assert.DoesNotContain(_apiKey, body));
        Assert.NotEmpty(host.Logs.Lines);
        Assert.All(host.Logs.Lines, line => Assert.DoesNotContain(_apiKey, line));

        var chatSpans = host.Activities.Where(activity => activity.Source.Name == "MovieTrends.Chat").ToList();
        Assert.NotEmpty(chatSpans);
        Assert.All(host.Activities, activity =>
        {
            var recorded = string.Join(" ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
                + string.Join(" ", activity.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}")));
            Assert.DoesNotContain(_apiKey, recorded);
            // Prompts and answers stay out of telemetry.
            Assert.DoesNotContain("secret-question-text", recorded);
        });
    }

    [Fact]
    public async Task Records_gen_ai_spans_and_token_usage()
    {
        await using var host = await StartAsync();
        _provider.ThenReply("Inception.");

        await host.ChatAsync("most popular movie in 2010");
        host.FlushMetrics();

        var span = host.Activities.Single(activity => activity.Source.Name == "MovieTrends.Chat" && activity.OperationName.StartsWith("chat", StringComparison.Ordinal));
        Assert.Equal(Model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(321, Convert.ToInt32(span.GetTagItem("gen_ai.usage.input_tokens"), CultureInfo.InvariantCulture));
        Assert.Equal(45, Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens"), CultureInfo.InvariantCulture));
        Assert.Contains(host.Metrics, metric => metric.Name == "gen_ai.client.token.usage");
    }

    private Task<ChatTestHost> StartAsync(int providerTimeoutSeconds = 5, Uri? endpoint = null) =>
        ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?>
        {
            ["ApiKey"] = _apiKey,
            ["Endpoint"] = (endpoint ?? _provider.Endpoint).ToString(),
            ["Model"] = Model,
            ["ProviderTimeoutSeconds"] = providerTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["RateLimit:BurstLimit"] = "1000",
        });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
