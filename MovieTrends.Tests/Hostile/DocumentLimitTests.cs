using System.Net;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using static MovieTrends.Tests.Hostile.HostileDocuments;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Every document is bounded work: the worst documents that fit in 64 KiB are refused quickly with a code
/// (directly and through the web proxy), the service survives them, and the largest legitimate documents
/// still run.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DocumentLimitTests(InProcessApp app)
{
    public static TheoryData<string, string> Refusals => HostileCases.Across(DocumentLimitCases.All.Keys);

    public static TheoryData<string, string> Accepted => HostileCases.Across(AcceptedDocuments.Keys);

    private static readonly Dictionary<string, Func<HttpRequestMessage>> AcceptedDocuments = new()
    {
        ["the explorer's introspection query"] = () => Post(IntrospectionQuery.Text),
        ["15 nested fields"] = () => Post(Nest("{ __type(name: \"Query\") { ", "ofType { ", "name", " }", " } }", levels: 13)),
        ["chain of 15 fragments"] = () => Post(DocumentLimitCases.FragmentChain(15)),
        ["comments filling 64 KiB"] = () => Post(Repeat("", "# a comment the parser skips\n", "{ __typename }")),
        ["string escapes filling 64 KiB"] = () => Post(Repeat("{ __type(name: \"", "\\u0041", "\") { name } }")),
        ["a block string filling 64 KiB"] = () => Post(Repeat("{ __type(name: \"\"\"", "line of a block string\n", "\"\"\") { name } }")),
        ["commas filling 64 KiB"] = () => Post(Repeat("{ __typename", ",", " }")),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_document_past_a_limit_is_refused_with_its_code(string target, string name)
    {
        var refusal = DocumentLimitCases.All[name];
        using var request = refusal.Request();

        var reply = await HostileProbe.AssertRefusedAsync(app.CreateHttpClient(target), request, refusal.Status, refusal.Code);

        using var body = JsonDocument.Parse(reply.Body);
        Assert.False(body.RootElement.TryGetProperty("data", out _), "A refused document never runs.");
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task The_largest_legitimate_documents_still_run(string target, string name)
    {
        var http = app.CreateHttpClient(target);
        using var request = AcceptedDocuments[name]();

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.True(reply.Status == HttpStatusCode.OK, $"{name}: {(int)reply.Status} {reply.Body[..Math.Min(400, reply.Body.Length)]}");
        Assert.Null(reply.ErrorCode());
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task A_reply_holds_at_most_100_errors_and_says_how_many_more(string target)
    {
        var http = app.CreateHttpClient(target);
        using var request = Post("{ " + string.Concat(Enumerable.Range(0, 250).Select(i => $"x{i} ")) + "}");

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.ErrorCode());
        using var body = JsonDocument.Parse(reply.Body);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(101, errors.GetArrayLength());
        var last = errors[100];
        Assert.Equal("TOO_MANY_ERRORS", last.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("150 more errors", last.GetProperty("message").GetString());
        Assert.True(reply.Body.Length < MaxBodyBytes, $"The reply is {reply.Body.Length} characters long.");
        await HostileProbe.AssertStillAnswersAsync(http);
    }

    [Theory]
    [InlineData("graphql", 20)]
    [InlineData("web", 20)]
    [InlineData("graphql", 100)]
    [InlineData("web", 100)]
    [InlineData("graphql", 30_000)]
    [InlineData("web", 30_000)]
    public async Task Deeply_nested_variables_are_refused_with_a_code(string target, int levels)
    {
        var variables = "{\"g\":" + new string('[', levels) + "\"Drama\"" + new string(']', levels) + "}";
        using var request = Post("query($g: [String!]) { genreTrends(from: 2000, to: 2001, genres: $g) { years } }", variables);

        var reply = await HostileProbe.SendAsync(app.CreateHttpClient(target), request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(levels < 64 ? "INVALID_VALUE" : "INVALID_JSON", reply.ErrorCode());
        await HostileProbe.AssertStillAnswersAsync(app.CreateHttpClient(target));
    }

    [Theory]
    [InlineData("graphql", 20, "INVALID_VALUE")]
    [InlineData("web", 20, "INVALID_VALUE")]
    [InlineData("graphql", 100, "INVALID_REQUEST")]
    [InlineData("web", 100, "INVALID_REQUEST")]
    public async Task Deeply_nested_variables_over_GET_are_refused_with_a_code(string target, int levels, string code)
    {
        var query = Uri.EscapeDataString("query($g: [String!]) { genreTrends(from: 2000, to: 2001, genres: $g) { years } }");
        var variables = Uri.EscapeDataString("{\"g\":" + new string('[', levels) + "\"Drama\"" + new string(']', levels) + "}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}");

        await HostileProbe.AssertRefusedAsync(app.CreateHttpClient(target), request, HttpStatusCode.BadRequest, code);
    }
}
