using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Infrastructure;
using Npgsql;
using OpenTelemetry.Metrics;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The service in-process over a scratch database filled through the real importer: caches answer repeated
/// requests, an import's notification drops them, and every step shows in the traces and metrics.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class TelemetryAndCacheTests(ScratchDatabaseServer server) : IAsyncLifetime
{
    private const string TopQuery = """{"query":"query Top { popularity(year: 2001, limit: 1) { movieCount top { title } } }"}""";

    // A century of mostly empty years: an answer large enough for gzip to shrink.
    private const string TopAndTrendsQuery =
        """{"query":"query TopAndTrends { popularity(year: 2001, limit: 1) { top { title } } genreTrends(from: 1950, to: 2050) { years totals } }"}""";

    private string _scratch = "";
    private string _files = "";

    public async Task InitializeAsync()
    {
        _scratch = await server.CreateScratchDatabaseAsync();
        _files = Directory.CreateTempSubdirectory("movietrends-graphql-").FullName;
        await using var dataSource = NpgsqlDataSource.Create(_scratch);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await ImportAsync(dataSource, "first.csv.gz", (1, "Quiet Film", 3.5), (2, "Loud Film", 7.25));
    }

    [Fact]
    public async Task Repeated_queries_come_from_the_cache_until_an_import_notifies_a_change()
    {
        await using var service = await InProcessGraphQLService.StartAsync(_scratch);

        Assert.Equal("Loud Film", await TopTitleAsync(service));
        Assert.Equal("Loud Film", await TopTitleAsync(service));

        await using (var dataSource = NpgsqlDataSource.Create(_scratch))
        {
            await ImportAsync(dataSource, "second.csv.gz", (3, "Newest Hit", 99.5));
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        var title = await TopTitleAsync(service);
        while (title != "Newest Hit" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            title = await TopTitleAsync(service);
        }

        Assert.Equal("Newest Hit", title);

        var operations = service.Activities.Where(activity => activity.Source.Name == "MovieTrends.GraphQL").ToArray();
        Assert.Contains(operations, activity => activity.DisplayName == "query Top"
            && (string?)activity.GetTagItem("graphql.operation.name") == "Top"
            && (string?)activity.GetTagItem("graphql.operation.type") == "query"
            && activity.GetTagItem("graphql.cache_hit") is false);
        Assert.Contains(operations, activity => activity.GetTagItem("graphql.cache_hit") is true);
        Assert.Contains(service.Activities, activity => activity.Source.Name == "Npgsql");

        service.FlushMetrics();
        Assert.True(Sum(service.Metrics, "movietrends.graphql.operations", "graphql.operation.name", "Top") >= 3);
        Assert.True(Sum(service.Metrics, "movietrends.graphql.cache.hits", "cache", "response") >= 1);
        Assert.True(Sum(service.Metrics, "movietrends.graphql.cache.misses", "cache", "response") >= 2);
        Assert.True(Sum(service.Metrics, "movietrends.graphql.cache.misses", "cache", "result") >= 2);
    }

    [Fact]
    public async Task A_compressed_answer_goes_with_its_cache_entry_when_an_import_changes_the_catalog()
    {
        await using var service = await InProcessGraphQLService.StartAsync(_scratch);
        await GzipTopTitleAsync(service);
        Assert.Equal(("gzip", "Loud Film"), await GzipTopTitleAsync(service));

        await using (var dataSource = NpgsqlDataSource.Create(_scratch))
        {
            await ImportAsync(dataSource, "second.csv.gz", (3, "Newest Hit", 99.5));
        }

        // The first answer after the change is computed afresh and sent as it is; the next is its gzip copy.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var answer = await GzipTopTitleAsync(service);
        while (answer.Title != "Newest Hit" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            answer = await GzipTopTitleAsync(service);
        }

        Assert.Equal((null, "Newest Hit"), answer);
        Assert.Equal(("gzip", "Newest Hit"), await GzipTopTitleAsync(service));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_files, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string?> TopTitleAsync(InProcessGraphQLService service)
    {
        using var response = await service.Client.PostAsync(
            "/graphql", new StringContent(TopQuery, Encoding.UTF8, "application/json"));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("popularity").GetProperty("top")[0].GetProperty("title").GetString();
    }

    /// <summary>The top title asked by a client that accepts gzip, and the coding it came in.</summary>
    private static async Task<(string? Encoding, string? Title)> GzipTopTitleAsync(InProcessGraphQLService service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(TopAndTrendsQuery, Encoding.UTF8, "application/json") };
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await service.Client.SendAsync(request);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await System.Text.Json.JsonDocument.ParseAsync(
            encoding == "gzip" ? new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress) : body);
        return (encoding, json.RootElement.GetProperty("data").GetProperty("popularity").GetProperty("top")[0].GetProperty("title").GetString());
    }

    private async Task ImportAsync(NpgsqlDataSource dataSource, string fileName, params (int Id, string Title, double Popularity)[] movies)
    {
        var path = await TinyCatalogFile.WriteAsync(_files, fileName, [.. movies.Select(movie =>
            new TinyCatalogFile.Movie(movie.Id, movie.Title, 18, "Drama", new DateOnly(2001, 5, 1), movie.Popularity))]);
        await new CatalogImporter(dataSource, NullLogger<CatalogImporter>.Instance).ImportAsync(path);
    }

    /// <summary>The counter's latest exported value for the points carrying the tag.</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name, string tag, string value)
    {
        var latest = metrics.LastOrDefault(metric => metric.Name == name);
        Assert.True(latest is not null, $"No '{name}' metric was exported.");
        long total = 0;
        foreach (var point in latest.MetricPoints)
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag && (string?)pair.Value == value)
                {
                    total += point.GetSumLong();
                }
            }
        }

        return total;
    }
}
