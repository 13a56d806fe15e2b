using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>One test per row of the status code table in docs/api.md.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class TransportTests(InProcessApp app)
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";
    private const string CatalogQuery = """{"query":"{ catalog { movieCount } }"}""";

    private readonly HttpClient _http = app.CreateHttpClient("graphql");

    [Theory]
    [InlineData(null, GraphQLResponse)]
    [InlineData("*/*", GraphQLResponse)]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData(Json, Json)]
    [InlineData("application/json, text/plain;q=0.5", Json)]
    public async Task A_valid_POST_is_200_in_the_negotiated_media_type(string? accept, string mediaType)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", CatalogQuery, Json, accept);

        response.Assert(HttpStatusCode.OK, mediaType);
        Assert.Equal(RawTmdbData.Movies.Count, response.Body.RootElement.GetProperty("data").GetProperty("catalog").GetProperty("movieCount").GetInt32());
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task A_field_error_is_200_with_the_error_and_null_data(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ popularity(year: 1700) { year } }"}""", Json, accept);

        response.Assert(HttpStatusCode.OK, accept);
        Assert.Equal(JsonValueKind.Null, response.Body.RootElement.GetProperty("data").ValueKind);
        Assert.Equal("YEAR_OUT_OF_RANGE", response.ErrorCode());
    }

    [Fact]
    public async Task A_GET_query_with_variables_is_200()
    {
        var query = Uri.EscapeDataString("query P($year: Int!) { popularity(year: $year, limit: 1) { top { title } } }");
        var variables = Uri.EscapeDataString("""{"year":2010}""");
        var response = await SendAsync(HttpMethod.Get, $"/graphql?query={query}&variables={variables}&operationName=P", accept: GraphQLResponse);

        response.Assert(HttpStatusCode.OK, GraphQLResponse);
        Assert.Equal("Inception", response.Body.RootElement.GetProperty("data").GetProperty("popularity").GetProperty("top")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("query=%7B__typename%7D&query=%7B__typename%7D", "'query' is given 2 times")]
    [InlineData("query=%7B__typename%7D&operationName=A&operationName=B", "'operationName' is given 2 times")]
    [InlineData("query=%7B__typename%7D&variables=%7B%7D&variables=%7B%7D&variables=%7B%7D", "'variables' is given 3 times")]
    [InlineData("query=%7B__typename%7D&extensions=%7B%7D&extensions=%7B%7D", "'extensions' is given 2 times")]
    public async Task A_GET_with_a_parameter_given_twice_is_400_INVALID_REQUEST(string parameters, string hint)
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?" + parameters, accept: GraphQLResponse);

        AssertGivenTwice(response, hint);
    }

    [Theory]
    [InlineData("""{"query":"{ catalog { movieCount } }","query":"{ __typename }"}""", "'query' is given more than once")]
    [InlineData("""{"query":"query A { __typename } query B { __typename }","operationName":"A","operationName":"B"}""", "'operationName' is given more than once")]
    [InlineData("""{"query":"{ __typename }","variables":{},"extensions":null,"variables":{"y":1}}""", "'variables' is given more than once")]
    [InlineData("""{"extensions":{},"query":"{ __typename }","extensions":{}}""", "'extensions' is given more than once")]
    public async Task A_POST_body_with_a_request_key_given_twice_is_400_INVALID_REQUEST(string body, string hint)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, GraphQLResponse);

        AssertGivenTwice(response, hint);
    }

    private static void AssertGivenTwice(TransportResponse response, string hint)
    {
        response.Assert(HttpStatusCode.BadRequest, GraphQLResponse);
        Assert.Equal("INVALID_REQUEST", response.ErrorCode());
        var message = response.Body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains(hint, message);
        Assert.Contains("give it once", message);
    }

    [Theory]
    [InlineData("""{"query":"query($y: Int!) { popularity(year: $y, limit: 1) { year } }","variables":{"y":2010,"y":2011}}""", "'variables'")]
    [InlineData("""{"query":"query($f: MovieFilter) { genreTrends(from: 2000, to: 2001, filter: $f) { totals } }","variables":{"f":{"minVotes":10,"minVotes":5000}}}""", "'variables'")]
    [InlineData("""{"query":"{ __typename }","extensions":{"a":1,"a":2}}""", "'extensions'")]
    public async Task A_key_given_twice_inside_variables_or_extensions_is_400_INVALID_REQUEST(string body, string hint)
    {
        var viaPost = await SendAsync(HttpMethod.Post, "/graphql", body, Json, GraphQLResponse);
        using var request = JsonDocument.Parse(body);
        var parameters = string.Join('&', request.RootElement.EnumerateObject().Select(parameter =>
            $"{parameter.Name}={Uri.EscapeDataString(parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText())}"));
        var viaGet = await SendAsync(HttpMethod.Get, "/graphql?" + parameters, accept: GraphQLResponse);

        AssertGivenTwice(viaPost, hint);
        AssertGivenTwice(viaGet, hint);
    }

    [Fact]
    public async Task A_POST_body_may_repeat_a_key_the_transport_ignores()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ catalog { movieCount } }","note":1,"note":2}""", Json, GraphQLResponse);

        response.Assert(HttpStatusCode.OK, GraphQLResponse);
        Assert.Equal(RawTmdbData.Movies.Count, response.Body.RootElement.GetProperty("data").GetProperty("catalog").GetProperty("movieCount").GetInt32());
    }

    [Theory]
    [InlineData("""{"query":"{ catalog { movieCount "}""", GraphQLResponse, HttpStatusCode.BadRequest, "SYNTAX_ERROR")]
    [InlineData("""{"query":"{ catalog { movieCount "}""", Json, HttpStatusCode.OK, "SYNTAX_ERROR")]
    [InlineData("""{"query":"{ catalog { rating } }"}""", GraphQLResponse, HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("""{"query":"{ catalog { rating } }"}""", Json, HttpStatusCode.OK, "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("""{"query":"query Q($y: Int!) { popularity(year: $y) { year } }","variables":{"y":"soon"}}""", GraphQLResponse, HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("""{"query":"query Q($y: Int!) { popularity(year: $y) { year } }","variables":{"y":"soon"}}""", Json, HttpStatusCode.OK, "INVALID_VALUE")]
    public async Task A_document_that_cannot_run_is_400_only_for_the_graphql_response_media_type(
        string body, string accept, HttpStatusCode status, string code)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, accept);

        response.Assert(status, accept);
        Assert.False(response.Body.RootElement.TryGetProperty("data", out _), "A request that never ran has no data entry.");
        Assert.Equal(code, response.ErrorCode());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Limits_on_depth_complexity_and_aliases_are_validation_errors(string accept, HttpStatusCode status)
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: catalog {{ movieCount }}"));
        var ofTypes = string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 14);
        var requests = new (string Query, string Code, string Hint)[]
        {
            ("{ " + aliases + " }", "SELECTION_LIMIT_EXCEEDED", "more than 30 aliases"),
            ("{ __type(name: \"Query\") { fields { type { " + ofTypes + " } } } }", "QUERY_TOO_DEEP", "more than 15 levels deep"),
            ("{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }", "COMPLEXITY", "too complex"),
        };

        foreach (var (query, code, hint) in requests)
        {
            var response = await SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query }), Json, accept);

            response.Assert(status, accept);
            Assert.Equal(code, response.ErrorCode());
            Assert.Contains(hint, response.Body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("{}", "MISSING_QUERY")]
    [InlineData("""{"query":null}""", "MISSING_QUERY")]
    [InlineData("""{"query":"{ catalog { movieCount } }""", "INVALID_JSON")]
    [InlineData("not json", "INVALID_JSON")]
    [InlineData("""[{"query":"{ catalog { movieCount } }"}]""", "INVALID_REQUEST")]
    [InlineData("""{"query":42}""", "INVALID_REQUEST")]
    [InlineData("""{"query":"{ catalog { movieCount } }","variables":[1]}""", "INVALID_REQUEST")]
    public async Task A_malformed_request_is_400_whatever_the_media_type(string body, string code)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, accept);

            response.Assert(HttpStatusCode.BadRequest, accept);
            Assert.Equal(code, response.ErrorCode());
        }
    }

    [Fact]
    public async Task Unknown_request_keys_are_ignored()
    {
        var response = await SendAsync(
            HttpMethod.Post, "/graphql", """{"query":"{ catalog { movieCount } }","operationName":null,"extensions":{},"persisted":true}""", Json, GraphQLResponse);

        response.Assert(HttpStatusCode.OK, GraphQLResponse);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405_allowing_POST()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { chat }"), accept: GraphQLResponse);

        response.Assert(HttpStatusCode.MethodNotAllowed, GraphQLResponse);
        Assert.Equal(["POST"], response.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_405_allowing_GET_and_POST(string method)
    {
        var response = await SendAsync(new HttpMethod(method), "/graphql", CatalogQuery, Json);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_JSON_is_415(string contentType)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", CatalogQuery, contentType, GraphQLResponse);

        response.Assert(HttpStatusCode.UnsupportedMediaType, GraphQLResponse);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ErrorCode());
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413()
    {
        var body = JsonSerializer.Serialize(new { query = "{ catalog { movieCount } }" + new string(' ', 64 * 1024) });
        var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, GraphQLResponse);

        response.Assert(HttpStatusCode.RequestEntityTooLarge, GraphQLResponse);
        Assert.Equal("REQUEST_TOO_LARGE", response.ErrorCode());
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task An_Accept_header_without_a_JSON_type_is_406(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", CatalogQuery, Json, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("text/plain", response.MediaType);
        Assert.Contains(GraphQLResponse, response.Text);
    }

    [Fact]
    public async Task GET_sdl_returns_the_schema_as_text()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/plain", response.MediaType);
        Assert.Contains("genreTrends(", response.Text);
        Assert.Contains("type PopularityReport {", response.Text);
    }

    [Fact]
    public async Task A_browser_asking_for_HTML_gets_the_explorer_with_a_same_origin_policy()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql", accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", response.Text);
        Assert.Contains("<base href=\"graphql/\">", response.Text);
        Assert.StartsWith("default-src 'none'; script-src 'self' 'unsafe-eval';", response.ContentSecurityPolicy);
        Assert.Contains("connect-src 'self';", response.ContentSecurityPolicy);
    }

    [Theory]
    [InlineData("/graphql/bcp-config.json", "application/json")]
    [InlineData("/graphql/LICENSE", "text/plain")]
    [InlineData("/graphql/graphiql", "text/html")]
    [InlineData("/graphql/explorer/graphiql.min.js", "text/javascript")]
    public async Task The_explorers_files_are_served_under_graphql(string path, string mediaType)
    {
        var response = await SendAsync(HttpMethod.Get, path, accept: "*/*");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(mediaType, response.MediaType);
    }

    [Theory]
    [InlineData("/graphql/index.html")]
    [InlineData("/graphql/static")]
    [InlineData("/graphql/static/js/no-such-file.js")]
    [InlineData("/graphql/package.json")]
    public async Task Paths_under_graphql_that_are_no_explorer_file_are_a_bare_404(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, accept: "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.DoesNotContain("bananacakepop", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wwwroot", response.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Errors_never_carry_stack_traces_or_sql()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ genreTrends(from: 1700, to: 1701) { years } }"}""", Json, GraphQLResponse);

        Assert.DoesNotContain("   at ", response.Text);
        Assert.DoesNotContain("SELECT", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", response.Text);
    }

    private async Task<TransportResponse> SendAsync(
        HttpMethod method, string pathAndQuery, string? body = null, string? contentType = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _http.SendAsync(request);
        return new TransportResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            [.. response.Content.Headers.Allow],
            response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.Single() : null,
            await response.Content.ReadAsStringAsync());
    }

    private sealed record TransportResponse(
        HttpStatusCode Status, string? MediaType, string[] Allow, string? ContentSecurityPolicy, string Text)
    {
        public JsonDocument Body => JsonDocument.Parse(Text);

        public string? ErrorCode() =>
            Body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

        public void Assert(HttpStatusCode status, string mediaType)
        {
            Xunit.Assert.True(status == Status, $"Expected {(int)status}, got {(int)Status}: {Text}");
            Xunit.Assert.Equal(mediaType, MediaType);
        }
    }
}
