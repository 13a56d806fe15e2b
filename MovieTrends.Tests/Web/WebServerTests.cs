using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>The web app's own HTTP behaviour: headers, the one-origin GraphQL proxy, compressed assets.</summary>
[Collection("app")]
public sealed partial class WebServerTests(AppFixture app)
{
    private readonly HttpClient _web = app.CreateHttpClient("web");

    [Fact]
    public async Task The_page_allows_only_its_own_origin_and_no_inline_code_but_what_the_build_wrote_into_it()
    {
        using var response = await _web.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));

        var html = await response.Content.ReadAsStringAsync();
        // The build writes one script (the boot script, which sends the first requests) and one stylesheet into
        // the page; the policy names exactly their hashes, so no other inline code runs or styles the page.
        var inlineScript = Assert.Single(InlineScript().Matches(html)).Groups["code"].Value;
        Assert.Contains("data-requested", inlineScript, StringComparison.Ordinal);
        Assert.Contains($"script-src 'self' 'sha256-{Sha256(inlineScript)}';", policy, StringComparison.Ordinal);
        var inlineStyle = Assert.Single(InlineStyle().Matches(html)).Groups["code"].Value;
        Assert.Contains("prefers-color-scheme", inlineStyle, StringComparison.Ordinal);
        Assert.Contains($"style-src 'self' 'sha256-{Sha256(inlineStyle)}';", policy, StringComparison.Ordinal);
        var scripts = ScriptTag().Matches(html).Where(tag => tag.Value != "<script>").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains(" src=\"", script.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
        // No absolute URL: everything the page loads comes from this origin.
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQL_through_the_web_origin_answers_like_the_service_itself()
    {
        const string query = "{ catalog { movieCount firstYear lastYear } popularity(year: 2010, limit: 1) { top { title } } }";
        var direct = await PostAsync(app.CreateHttpClient("graphql"), query);
        var proxied = await PostAsync(_web, query);

        Assert.Equal(direct, proxied);
        Assert.Contains("\"Inception\"", proxied, StringComparison.Ordinal);
        Assert.Contains($"\"movieCount\":{RawTmdbData.Movies.Count}", proxied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vendored_chart_library_is_served_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/chart.js/chart.umd.min.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await _web.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < 100_000, $"{compressed.Length} bytes: the library was sent uncompressed.");
    }

    private static async Task<string> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync("/graphql", new StringContent(
            JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<script>(?<code>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(?<code>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}
