using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The web proxy's hop to the GraphQL service is HTTP/2 without TLS, on the service's HTTP/2-only endpoint: the
/// service's own server span of a proxied request says which protocol and port it was reached on.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ProxyHttp2HopTests(InProcessApp app)
{
    private const string Query = """{"query":"{ catalog { movieCount } }"}""";

    [Fact]
    public async Task A_request_through_the_proxy_reaches_the_service_over_HTTP2_on_its_h2c_endpoint()
    {
        using var web = app.CreateHttpClient("web");
        using var test = StartTestActivity();

        using var response = await PostAsync(web);
        var trace = test.TraceId;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var h2cPort = app.GraphQLH2cAddress.Port.ToString(CultureInfo.InvariantCulture);
        var serviceSpan = Assert.Single(await ServerSpansAsync(trace, span => Tag(span, "server.port") == h2cPort));
        Assert.Equal("2", Tag(serviceSpan, "network.protocol.version"));
        Assert.Equal("/graphql", Tag(serviceSpan, "url.path"));
    }

    [Fact]
    public async Task A_request_straight_to_the_http_endpoint_is_HTTP11_so_the_span_tells_the_two_apart()
    {
        using var graphql = app.CreateHttpClient("graphql");
        using var test = StartTestActivity();

        using var response = await PostAsync(graphql);
        var trace = test.TraceId;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.1", Tag(Assert.Single(await ServerSpansAsync(trace, _ => true)), "network.protocol.version"));
    }

    [Fact]
    public async Task The_h2c_endpoint_refuses_HTTP11_and_answers_HTTP2_with_prior_knowledge()
    {
        using var client = new HttpClient { BaseAddress = app.GraphQLH2cAddress };

        // Kestrel's own refusal, before the application sees the request.
        using (var http11 = await client.SendAsync(Post(HttpVersion.Version11, HttpVersionPolicy.RequestVersionExact)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, http11.StatusCode);
            Assert.Contains("HTTP/2 only endpoint", await http11.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var response = await client.SendAsync(Post(HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Contains($"\"movieCount\":{RawTmdbData.Movies.Count}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Sampled, so the services' parent-based sampler records the spans under it.
    private static Activity StartTestActivity() =>
        new Activity(nameof(ProxyHttp2HopTests)) { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

    // Inside the test's own activity: the spans of this request, and only those, carry its trace id.
    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.SendAsync(Post(HttpVersion.Version11, HttpVersionPolicy.RequestVersionOrLower));

    private static HttpRequestMessage Post(Version version, HttpVersionPolicy policy) => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(Query, Encoding.UTF8, "application/json"),
        Version = version,
        VersionPolicy = policy,
    };

    // A server span is exported when it ends, which can be a moment after the client has the response.
    private async Task<List<Activity>> ServerSpansAsync(ActivityTraceId trace, Func<Activity, bool> match)
    {
        for (var attempt = 1; ; attempt++)
        {
            List<Activity> spans = [.. app.CapturedActivities.ToArray().Where(span => span.TraceId == trace && span.Kind == ActivityKind.Server && match(span))];
            if (spans.Count > 0 || attempt == 100)
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
