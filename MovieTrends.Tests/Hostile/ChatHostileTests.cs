using System.Net;
using System.Text;
using System.Text.Json;
using MovieTrends.ServiceDefaults;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// The chat against hostile clients, on the app as it runs: refused input costs no allowance and writes
/// nothing, and a client cannot mint itself new allowances by naming another address, whether it calls the
/// service directly or through the web proxy.
/// </summary>
[Collection("app")]
public sealed class ChatHostileTests(AppFixture app)
{
    private const string ChatMutation = "mutation($input: ChatInput!) { chat(input: $input) { conversationId mode message } }";

    // The app's default allowance (Chat:RateLimit:BurstLimit).
    private const int Burst = 10;

    public static TheoryData<string, string, string, string> RefusedMessages => Cross(
        ("a NUL byte", "hello\u0000world", "INVALID_MESSAGE"),
        ("a bell", "ring \u0007 ring", "INVALID_MESSAGE"),
        ("a terminal escape", "\u001b[31mred\u001b[0m", "INVALID_MESSAGE"),
        ("DEL", "delete\u007f", "INVALID_MESSAGE"),
        ("a C1 control", "next\u0085line", "INVALID_MESSAGE"),
        ("nothing", "", "EMPTY_MESSAGE"),
        ("only whitespace", " \t\r\n ", "EMPTY_MESSAGE"),
        ("one character too many", new string('a', 2001), "MESSAGE_TOO_LONG"));

    public static TheoryData<string, string, string, string> RefusedConversationIds => Cross(
        ("words", "not-a-conversation", "INVALID_CONVERSATION_ID"),
        ("SQL", "'; DELETE FROM chat_messages; --", "INVALID_CONVERSATION_ID"),
        ("a non-hex digit", "0196f3a2-0000-7000-8000-00000000000g", "INVALID_CONVERSATION_ID"),
        ("a NUL byte", "0196f3a2-0000-7000-8000-000000000000\u0000", "INVALID_CONVERSATION_ID"));

    public static TheoryData<string, string, string, string> RefusedViews => Cross(
        ("a year before the catalog's bounds", """{"trendsFrom":1200,"trendsTo":2000}""", "YEAR_OUT_OF_RANGE"),
        ("a reversed range", """{"trendsFrom":2010,"trendsTo":2000}""", "INVALID_RANGE"),
        ("a range of 301 years", """{"trendsFrom":1800,"trendsTo":2100}""", "RANGE_TOO_LARGE"),
        ("a popularity year far out", """{"popularityYear":99999}""", "YEAR_OUT_OF_RANGE"),
        ("a genre with a NUL byte", """{"genres":["Drama\u0000"]}""", "INVALID_VIEW"),
        ("a genre name of 101 characters", $$"""{"genres":["{{new string('x', 101)}}"]}""", "INVALID_VIEW"),
        ("51 genres", $$"""{"genres":[{{string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"g{i}\""))}}]}""", "INVALID_VIEW"),
        ("an unknown genre", """{"genres":["Cowboy Opera"]}""", "UNKNOWN_GENRE"));

    [Theory]
    [MemberData(nameof(RefusedMessages))]
    public async Task A_refused_message_gets_its_code_and_costs_nothing(string target, string what, string message, string code)
    {
        _ = what;
        await AssertRefusedWithoutCostAsync(target, Chat(message), code);
    }

    [Theory]
    [MemberData(nameof(RefusedConversationIds))]
    public async Task A_malformed_conversation_id_gets_its_code_and_costs_nothing(string target, string what, string conversationId, string code)
    {
        _ = what;
        await AssertRefusedWithoutCostAsync(target, Chat("how many movies in 2010", conversationId), code);
    }

    [Theory]
    [MemberData(nameof(RefusedViews))]
    public async Task A_bad_view_gets_its_code_and_costs_nothing(string target, string what, string view, string code)
    {
        _ = what;
        await AssertRefusedWithoutCostAsync(target, Chat("summarize this view", view: view), code);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_lone_surrogate_in_the_variables_is_refused_by_the_transport(string target)
    {
        // Escaped in the JSON, as a client may send it: the text decodes to half a UTF-16 pair.
        using var request = ChatBody("""{"message":"broken \ud800 text"}""");
        await AssertRefusedWithoutCostAsync(target, request, "INVALID_ENCODING", HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_lone_surrogate_in_a_GraphQL_string_literal_is_INVALID_MESSAGE(string target)
    {
        // The document's own string escape gets past the JSON reader; the chat refuses what the database could not store.
        const string Body = """{"query":"mutation { chat(input: {message: \"broken \\ud800 text\"}) { mode } }"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        await AssertRefusedWithoutCostAsync(target, request, "INVALID_MESSAGE");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task More_refused_messages_than_the_allowance_leave_it_whole_and_the_tables_untouched(string target)
    {
        using var http = await SourceAddressClient.CreateAsync(app, target, SourceAddressClient.Fresh());
        var before = await ConversationRowsAsync();
        string[] refused =
        [
            "\u0000", "a\u0001b", "\u001b", "", "   ", new string('q', 2001), "ok\u007f", "a\u0085b", "\u0008", "a\u000bb", "a\u000cb", "a\u001fb",
        ];
        Assert.True(refused.Length > Burst);

        foreach (var message in refused)
        {
            using var request = Chat(message);
            var reply = await HostileProbe.SendAsync(http, request);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Contains(reply.ErrorCode(), new[] { "INVALID_MESSAGE", "EMPTY_MESSAGE", "MESSAGE_TOO_LONG" });
        }

        Assert.Equal(before, await ConversationRowsAsync());
        using var valid = Chat("how many movies in 2010");
        var answered = await HostileProbe.SendAsync(http, valid);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Null(answered.ErrorCode());
        Assert.Equal("OFFLINE", Reply(answered).GetProperty("mode").GetString());
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_spoofed_X_Forwarded_For_mints_no_new_allowance(string target)
    {
        using var http = await SourceAddressClient.CreateAsync(app, target, SourceAddressClient.Fresh());
        await UseUpAllowanceAsync(http);

        await AssertSpoofsRefusedAsync(http, spoof => spoof.Headers.TryAddWithoutValidation("X-Forwarded-For", spoof.Address));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_forged_proxy_header_with_a_guessed_key_mints_no_new_allowance(string target)
    {
        using var http = await SourceAddressClient.CreateAsync(app, target, SourceAddressClient.Fresh());
        await UseUpAllowanceAsync(http);

        await AssertSpoofsRefusedAsync(http, spoof =>
        {
            spoof.Headers.TryAddWithoutValidation(ProxyHeaders.ClientAddress, spoof.Address);
            spoof.Headers.TryAddWithoutValidation(ProxyHeaders.Key, "guessed-" + spoof.Address);
        });
    }

    [Fact]
    public async Task Two_browsers_behind_the_proxy_have_separate_allowances()
    {
        using var first = await SourceAddressClient.CreateAsync(app, "web", SourceAddressClient.Fresh());
        using var second = await SourceAddressClient.CreateAsync(app, "web", SourceAddressClient.Fresh());

        await UseUpAllowanceAsync(first);

        using var request = Chat("how many movies in 2010");
        var reply = await HostileProbe.SendAsync(second, request);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Null(reply.ErrorCode());
        Assert.Equal("OFFLINE", Reply(reply).GetProperty("mode").GetString());
        await HostileProbe.AssertStillAnswersAsync(first);
    }

    public static TheoryData<string> Targets => HostileProbe.Targets;

    private async Task AssertRefusedWithoutCostAsync(
        string target, HttpRequestMessage request, string code, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var http = await SourceAddressClient.CreateAsync(app, target, SourceAddressClient.Fresh());
        var before = await ConversationRowsAsync();

        using (request)
        {
            await HostileProbe.AssertRefusedAsync(http, request, status, code);
        }

        Assert.Equal(before, await ConversationRowsAsync());
    }

    /// <summary>Sends valid messages until the first 429: the allowance is spent right now.</summary>
    private static async Task UseUpAllowanceAsync(HttpClient http)
    {
        // The bucket refills one message every 6 s, so a slow machine may need a few past the burst.
        for (var sent = 0; sent < Burst * 3; sent++)
        {
            using var request = Chat("how many movies in 2010");
            var reply = await HostileProbe.SendAsync(http, request);
            if (reply.Status == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("RATE_LIMITED", reply.ErrorCode());
                Assert.True(sent >= Burst, $"Refused after {sent} messages, before the allowance of {Burst} was used.");
                return;
            }

            Assert.Equal(HttpStatusCode.OK, reply.Status);
        }

        Assert.Fail("The allowance never ran out.");
    }

    /// <summary>
    /// Three messages back to back, each claiming a different address: a fresh allowance per claimed address
    /// would answer all three; the spent one refills one message in 6 s, so at most one may get through.
    /// </summary>
    private static async Task AssertSpoofsRefusedAsync(HttpClient http, Action<SpoofedRequest> spoof)
    {
        var refused = 0;
        foreach (var address in new[] { "203.0.113.7", "198.51.100.23", "2001:db8::42" })
        {
            using var request = Chat("how many movies in 2010");
            spoof(new SpoofedRequest(request.Headers, address));
            var reply = await HostileProbe.SendAsync(http, request);
            if (reply.Status == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("RATE_LIMITED", reply.ErrorCode());
                refused++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, reply.Status);
            }
        }

        Assert.True(refused >= 2, $"Only {refused} of 3 spoofed messages were refused: the claimed address bought a new allowance.");
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    private sealed record SpoofedRequest(System.Net.Http.Headers.HttpRequestHeaders Headers, string Address);

    private static HttpRequestMessage Chat(string message, string? conversationId = null, string? view = null)
    {
        // Written by hand so the body carries exactly these characters, escaped as JSON allows.
        var input = new StringBuilder("{\"message\":").Append(JsonSerializer.Serialize(message));
        if (conversationId is not null)
        {
            input.Append(",\"conversationId\":").Append(JsonSerializer.Serialize(conversationId));
        }

        if (view is not null)
        {
            input.Append(",\"view\":").Append(view);
        }

        input.Append('}');
        return ChatBody(input.ToString());
    }

    private static HttpRequestMessage ChatBody(string input)
    {
        var body = "{\"query\":" + JsonSerializer.Serialize(ChatMutation) + ",\"variables\":{\"input\":" + input + "}}";
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private static JsonElement Reply(HostileReply reply) =>
        JsonDocument.Parse(reply.Body).RootElement.GetProperty("data").GetProperty("chat").Clone();

    /// <summary>Rows in the conversation tables; the "app" collection runs one test at a time.</summary>
    private async Task<(long Conversations, long Messages)> ConversationRowsAsync()
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM chat_conversations), (SELECT count(*) FROM chat_messages)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static TheoryData<string, string, string, string> Cross(params (string What, string Value, string Code)[] cases)
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var target in HostileProbe.Targets.Cast<object[]>().Select(row => (string)row[0]))
        {
            foreach (var (what, value, code) in cases)
            {
                data.Add(target, what, value, code);
            }
        }

        return data;
    }
}
