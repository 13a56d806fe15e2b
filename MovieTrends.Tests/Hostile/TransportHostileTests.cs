using System.Net;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Malformed HTTP over raw sockets, to the GraphQL service and to the web frontend (whose /graphql is the proxy).
/// What reaches the application gets its 4xx with a GraphQL error code; what Kestrel refuses before any application
/// code runs (request line, headers, sizes) gets its bare status with an empty body, in Development as in production.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class TransportHostileTests(InProcessApp app)
{
    private const string JsonPost = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
    private const string TypenameGet = "GET /graphql?query=%7B__typename%7D";

    private static readonly Dictionary<string, (string Raw, HttpStatusCode Status, string Code)> CodedRefusals = new()
    {
        ["a chunk size that is not hex"] = (JsonPost + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n", HttpStatusCode.BadRequest, "MALFORMED_REQUEST"),
        ["a chunk size that overflows"] = (JsonPost + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}", HttpStatusCode.BadRequest, "MALFORMED_REQUEST"),
        ["a chunk longer than its size"] = (JsonPost + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}}}\r\n0\r\n\r\n", HttpStatusCode.BadRequest, "MALFORMED_REQUEST"),
        ["a Content-Length past every limit"] = (JsonPost + "Content-Length: 99999999999\r\n\r\n{", HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE"),
        ["Content-Length and chunked together"] = (JsonPost + "Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["an unknown method"] = ("BREW /graphql HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),
        ["OPTIONS"] = ("OPTIONS /graphql HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),
        ["DELETE"] = ("DELETE /graphql HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),
    };

    private static readonly Dictionary<string, (string Raw, HttpStatusCode Status)> KestrelRefusals = new()
    {
        ["a request line of garbage bytes"] = ("\u0001\u0002garbage\r\n\r\n", HttpStatusCode.BadRequest),
        ["a header line without a colon"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n\r\n", HttpStatusCode.BadRequest),
        ["HTTP/1.1 without Host"] = (TypenameGet + " HTTP/1.1\r\n\r\n", HttpStatusCode.BadRequest),
        ["a Host with a space"] = (TypenameGet + " HTTP/1.1\r\nHost: local host\r\n\r\n", HttpStatusCode.BadRequest),
        ["an absolute-form target naming another host"] = ("GET http://elsewhere.example/graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.BadRequest),
        ["two different Content-Lengths"] = (JsonPost + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", HttpStatusCode.BadRequest),
        ["a negative Content-Length"] = (JsonPost + "Content-Length: -1\r\n\r\n{}", HttpStatusCode.BadRequest),
        ["a Transfer-Encoding that does not end in chunked"] = (JsonPost + "Transfer-Encoding: gzip\r\n\r\n{}", HttpStatusCode.BadRequest),
        ["an HTTP/1.0 POST without a length"] = ("POST /graphql HTTP/1.0\r\nContent-Type: application/json\r\n\r\n{}", HttpStatusCode.BadRequest),
        ["raw UTF-8 bytes in the target"] = ("GET /gr\u00c3\u00a4phql HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.BadRequest),
        ["an escaped NUL in the path"] = ("GET /graphql/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.BadRequest),
        ["a space inside the target"] = ("GET /graph ql HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.BadRequest),
        ["a tab inside a header name"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\nX\tY: 1\r\n\r\n", HttpStatusCode.BadRequest),
        ["a folded header line"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\nX-A: 1\r\n  continued\r\n\r\n", HttpStatusCode.BadRequest),
        ["header bytes that are not ASCII"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\nX-Text: \u00ff\u00fe\r\n\r\n", HttpStatusCode.BadRequest),
        ["a 40 KB header"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", HttpStatusCode.RequestHeaderFieldsTooLarge),
        ["150 headers"] = (TypenameGet + " HTTP/1.1\r\nHost: localhost\r\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"X-H{i}: 1\r\n")) + "\r\n", HttpStatusCode.RequestHeaderFieldsTooLarge),
        ["a 10 KB request target"] = ("GET /graphql?query=" + new string('a', 10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", HttpStatusCode.RequestUriTooLong),
        // RFC 9110 defines 505 as the answer to a major version the server does not speak; Kestrel sends it before the app runs.
        ["HTTP/9.9"] = (TypenameGet + " HTTP/9.9\r\nHost: localhost\r\n\r\n", HttpStatusCode.HttpVersionNotSupported),
    };

    public static TheoryData<string, string> CodedCases => HostileCases.Across(CodedRefusals.Keys);

    public static TheoryData<string, string> KestrelCases => HostileCases.Across(KestrelRefusals.Keys);

    [Theory]
    [MemberData(nameof(CodedCases))]
    public async Task Malformed_HTTP_that_reaches_the_app_is_its_4xx_with_a_code(string target, string name)
    {
        var (raw, status, code) = CodedRefusals[name];
        using var request = RawSocketHandler.Request(raw);

        await HostileProbe.AssertRefusedAsync(RawClient(target), request, status, code);
    }

    [Theory]
    [MemberData(nameof(KestrelCases))]
    public async Task Malformed_HTTP_that_Kestrel_refuses_is_its_status_with_an_empty_body(string target, string name)
    {
        var (raw, status) = KestrelRefusals[name];
        using var http = RawClient(target);
        using var request = RawSocketHandler.Request(raw);

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.Equal(status, reply.Status);
        Assert.Equal("", reply.Body);
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task A_body_shorter_than_its_Content_Length_is_408_once_it_stalls(string target)
    {
        using var request = RawSocketHandler.Request(JsonPost + "Content-Length: 100\r\n\r\n{\"query\":");

        // Kestrel waits out its minimum data rate's 5 s grace period before giving up on the missing bytes.
        await HostileProbe.AssertRefusedAsync(RawClient(target), request, HttpStatusCode.RequestTimeout, "REQUEST_TIMEOUT", TimeSpan.FromSeconds(20));
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task An_HTTP_1_0_query_is_answered(string target)
    {
        using var http = RawClient(target);
        using var request = RawSocketHandler.Request(TypenameGet + " HTTP/1.0\r\n\r\n");

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", reply.Body);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task Garbage_pipelined_after_a_query_leaves_the_query_answered_and_the_garbage_refused(string target)
    {
        const string Body = """{"query":"{ __typename }"}""";
        var raw = $"{JsonPost}Content-Length: {Body.Length}\r\n\r\n{Body}GARBAGE \u0001\r\n\r\n";
        using var http = new HttpClient { BaseAddress = app.CreateHttpClient(target).BaseAddress };
        var address = http.BaseAddress!;

        using var client = new System.Net.Sockets.TcpClient();
        using var timeout = new CancellationTokenSource(HostileProbe.DefaultBudget);
        await client.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(raw), timeout.Token);
        var replies = new RawResponseReader(stream);
        using var first = await replies.ReadAsync(timeout.Token);
        using var second = await replies.ReadAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await first.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("", await second.Content.ReadAsStringAsync(timeout.Token));
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> PlainPathCases => new()
    {
        { "web", "GET", "/no-such-page", HttpStatusCode.NotFound, "NOT_FOUND" },
        { "web", "GET", "/..%2f..%2fetc%2fpasswd", HttpStatusCode.NotFound, "NOT_FOUND" },
        { "web", "POST", "/index.html", HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED" },
        { "web", "GET", "/%FF%FE", HttpStatusCode.NotFound, "NOT_FOUND" },
        { "graphql", "GET", "/no-such-page", HttpStatusCode.NotFound, "NOT_FOUND" },
        { "graphql", "GET", "/graphql/../../etc/passwd", HttpStatusCode.NotFound, "NOT_FOUND" },
        { "graphql", "TRACE", "/", HttpStatusCode.NotFound, "NOT_FOUND" },
    };

    [Theory]
    [MemberData(nameof(PlainPathCases))]
    public async Task Paths_outside_graphql_answer_a_refusal_with_one_line_of_text(string target, string method, string path, HttpStatusCode status, string code)
    {
        using var http = RawClient(target);
        using var request = RawSocketHandler.Request($"{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.Equal(status, reply.Status);
        Assert.Equal("text/plain", reply.MediaType);
        Assert.StartsWith($"{code}: ", reply.Body);
        Assert.True(reply.Body.Length < 200, $"The refusal is not short: {reply.Body}");
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    private HttpClient RawClient(string target) => RawSocketHandler.ClientFor(app.CreateHttpClient(target));
}
