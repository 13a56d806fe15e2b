using System.IO.Compression;
using System.Net;
using System.Text.Json;
using MovieTrends.Tests.Hostile;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// A query answered from the response cache goes gzip-compressed to a client that accepts gzip, straight from the
/// service and through the web proxy (which passes it on as it is). Each test asks under an alias of its own, so
/// its first request is a cache miss whatever ran before.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CompressedAnswerTests(InProcessApp app)
{
    private const string BrowserEncodings = "gzip, deflate, br, zstd";

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task A_repeated_query_comes_gzip_compressed_to_a_client_that_accepts_gzip(string target)
    {
        var http = app.CreateHttpClient(target);
        var path = UniquePath("catalog { movieCount } genreTrends(from: 1916, to: 2017) { years totals }");

        var (first, repeated) = await AskTwiceAsync(http, path, BrowserEncodings);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, repeated.Status);
        Assert.Equal("gzip", repeated.ContentEncoding);
        Assert.Contains("Accept-Encoding", repeated.Vary);
        Assert.True(repeated.Body.Length < first.Body.Length / 2, $"gzip sent {repeated.Body.Length} bytes for {first.Body.Length}.");
        var inflated = Gunzip(repeated.Body);
        Assert.Equal(first.Body, inflated);
        using var json = JsonDocument.Parse(inflated);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(RawTmdbData.Movies.Count, data.GetProperty("catalog").GetProperty("movieCount").GetInt32());
        Assert.Equal(2017 - 1916 + 1, data.GetProperty("genreTrends").GetProperty("years").GetArrayLength());
    }

    [Theory]
    [InlineData("graphql", null)]
    [InlineData("graphql", "identity")]
    [InlineData("graphql", "gzip;q=0, deflate")]
    [InlineData("graphql", "br, *;q=0")]
    [InlineData("web", "br, gzip;q=0, *")]
    [InlineData("web", null)]
    public async Task A_client_that_does_not_accept_gzip_gets_the_answer_as_it_is(string target, string? acceptEncoding)
    {
        var http = app.CreateHttpClient(target);
        var path = UniquePath("genreTrends(from: 2000, to: 2010) { years totals }");

        var (first, repeated) = await AskTwiceAsync(http, path, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, repeated.Status);
        Assert.Null(repeated.ContentEncoding);
        Assert.Equal(first.Body, repeated.Body);
        Assert.Contains("\"totals\":[", System.Text.Encoding.UTF8.GetString(repeated.Body));
    }

    [Fact]
    public async Task An_answer_with_errors_is_never_cached_so_never_compressed()
    {
        var (_, repeated) = await AskTwiceAsync(app.CreateHttpClient("graphql"), UniquePath("popularity(year: 1700) { year }"), BrowserEncodings);

        Assert.Equal(HttpStatusCode.OK, repeated.Status);
        Assert.Null(repeated.ContentEncoding);
        Assert.Contains("YEAR_OUT_OF_RANGE", System.Text.Encoding.UTF8.GetString(repeated.Body));
    }

    [Fact]
    public async Task An_answer_that_gzip_would_not_shrink_is_sent_as_it_is()
    {
        var (_, repeated) = await AskTwiceAsync(app.CreateHttpClient("graphql"), UniquePath(), BrowserEncodings);

        Assert.Equal(HttpStatusCode.OK, repeated.Status);
        Assert.Null(repeated.ContentEncoding);
        Assert.Contains("\"Query\"", System.Text.Encoding.UTF8.GetString(repeated.Body));
    }

    /// <summary>A GET of the fields beside an alias no other request uses.</summary>
    private static string UniquePath(string fields = "") =>
        "/graphql?query=" + Uri.EscapeDataString($"{{ a{Guid.NewGuid():N}: __typename {fields} }}");

    /// <summary>The same GET twice: the first a cache miss, the second answered from the cache if it was cached.</summary>
    private static async Task<(Answer First, Answer Repeated)> AskTwiceAsync(HttpClient http, string path, string? acceptEncoding) =>
        (await GetAsync(http, path, acceptEncoding), await GetAsync(http, path, acceptEncoding));

    private static async Task<Answer> GetAsync(HttpClient http, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await http.SendAsync(request);
        return new Answer(
            response.StatusCode,
            response.Content.Headers.ContentEncoding.SingleOrDefault(),
            string.Join(", ", response.Headers.Vary),
            await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        return inflated.ToArray();
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentEncoding, string Vary, byte[] Body);
}
