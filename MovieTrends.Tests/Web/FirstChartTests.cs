using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The first chart waits for the slowest of three things (the view's data, the catalog, the chart library),
/// not for their sum: the data request goes out before the chart library has run and while the catalog
/// request is still open, and it is not sent twice. Times vary with the machine, so they are reported, not
/// asserted; the order is asserted.
/// </summary>
[Collection("app")]
public sealed class FirstChartTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData("?view=trends", "genreTrends")]
    [InlineData("?view=trends&from=1916&to=2017", "genreTrends")]
    [InlineData("?view=popularity&year=2010", "popularity(")]
    public async Task The_data_request_starts_before_the_chart_library_runs_and_beside_the_catalog_request(string query, string dataField)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var requests = RecordGraphQLRequests(session.Page);
        var page = new MovieTrendsPage(session);

        await page.OpenAsync(query);

        var marks = await MarksAsync(session.Page);
        Assert.True(marks["data-requested"] < marks["chart-library-loaded"],
            $"The data was requested at {marks["data-requested"]} ms, after the chart library ran at {marks["chart-library-loaded"]} ms.");
        var fetches = await session.Page.EvaluateAsync<double[][]>(
            "() => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch' && new URL(e.name).pathname === '/graphql').map(e => [e.startTime, e.responseEnd])");
        Assert.Equal(2, fetches.Length);
        Assert.True(fetches.Max(f => f[0]) < fetches.Min(f => f[1]),
            "The data and catalog requests ran one after the other: " + JsonSerializer.Serialize(fetches));
        Assert.Equal(2, requests.Count);
        Assert.Single(requests, body => body.Contains(dataField, StringComparison.Ordinal));
        Assert.Single(requests, body => body.Contains("catalog", StringComparison.Ordinal));
        session.AssertClean();
    }

    [Fact]
    public async Task Time_to_the_first_chart_on_a_cold_cache_is_reported()
    {
        foreach (var query in new[] { "?view=trends", "?view=trends&from=1916&to=2017" })
        {
            var times = new List<double>();
            var steps = new List<string>();
            for (var run = 0; run < 5; run++)
            {
                // A new browser context each time: an empty HTTP cache, as on a first visit.
                await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
                var page = new MovieTrendsPage(session);
                await page.OpenAsync(query);
                var marks = await MarksAsync(session.Page);
                Assert.True(marks["data-requested"] < marks["chart-drawn"]);
                times.Add(marks["chart-drawn"]);
                var fetchEnds = await session.Page.EvaluateAsync<double[]>(
                    "() => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch').map(e => e.responseEnd)");
                var domContentLoaded = await session.Page.EvaluateAsync<double>(
                    "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart");
                steps.Add(string.Create(CultureInfo.InvariantCulture,
                    $"data requested {marks["data-requested"]:F0}, both answers {fetchEnds.Max():F0}, chart library {marks["chart-library-loaded"]:F0}, DOMContentLoaded {domContentLoaded:F0}, chart drawn {marks["chart-drawn"]:F0}"));
                session.AssertClean();
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{query}: navigation start -> chart drawn, 5 cold loads: median {times[2]:F0} ms, min {times[0]:F0}, max {times[^1]:F0}"));
            foreach (var step in steps) output.WriteLine("  ms after navigation start: " + step);
        }
    }

    private static async Task<Dictionary<string, double>> MarksAsync(IPage page) =>
        await page.EvaluateAsync<Dictionary<string, double>>(
            "() => Object.fromEntries(performance.getEntriesByType('mark').filter(m => m.name.startsWith('movietrends:')).map(m => [m.name.slice('movietrends:'.length), m.startTime]))");

    private static ConcurrentBag<string> RecordGraphQLRequests(IPage page)
    {
        var bodies = new ConcurrentBag<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/graphql") bodies.Add(request.PostData ?? "");
        };
        return bodies;
    }
}
