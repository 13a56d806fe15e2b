using System.Net;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Under the AppHost the web is handed one address of the GraphQL service, its h2c endpoint, which only this
/// machine reaches and which refuses HTTP/1.1: a request answered through the web went over HTTP/2.
/// </summary>
[Collection("app")]
public sealed class ProxyHttp2AppHostTests(AppFixture app)
{
    private const string Query = """{"query":"{ catalog { movieCount } }"}""";

    [Fact]
    public void The_web_discovers_only_the_h2c_endpoint_and_it_listens_on_loopback()
    {
        var web = Environment("web");
        var h2c = new Uri(Assert.Contains("services__graphql__h2c__0", web) ?? "");
        Assert.DoesNotContain(web.Keys, name => name.StartsWith("services__graphql__http", StringComparison.Ordinal));
        Assert.True(h2c.IsLoopback, $"The web reaches the h2c endpoint at {h2c}, not on loopback.");

        // The service itself binds it to loopback too: the orchestrator's proxy is the only way in.
        var service = new Uri(Assert.Contains("Kestrel__Endpoints__h2c__Url", Environment("graphql")) ?? "");
        Assert.True(service.IsLoopback, $"The service binds its h2c endpoint to {service}.");
    }

    [Fact]
    public async Task The_h2c_endpoint_answers_HTTP2_refuses_HTTP11_and_the_web_answers_through_it()
    {
        using var client = new HttpClient { BaseAddress = app.App.GetEndpoint("graphql", "h2c") };

        using var http2 = await client.SendAsync(Post(HttpVersion.Version20));
        Assert.Equal(HttpStatusCode.OK, http2.StatusCode);
        Assert.Equal(HttpVersion.Version20, http2.Version);
        var direct = await http2.Content.ReadAsStringAsync();
        Assert.Contains($"\"movieCount\":{RawTmdbData.Movies.Count}", direct, StringComparison.Ordinal);

        using var http11 = await client.SendAsync(Post(HttpVersion.Version11));
        Assert.Equal(HttpStatusCode.BadRequest, http11.StatusCode);

        using var proxied = await app.CreateHttpClient("web").SendAsync(Post(HttpVersion.Version11));
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(direct, await proxied.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(Version version) => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(Query, Encoding.UTF8, "application/json"),
        Version = version,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private Dictionary<string, string?> Environment(string resource)
    {
        var notifications = app.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(resource, out var state), $"No state for {resource}.");
        return state.Snapshot.EnvironmentVariables.ToDictionary(variable => variable.Name, variable => variable.Value);
    }
}
