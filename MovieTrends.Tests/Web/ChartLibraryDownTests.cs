using System.Collections.Concurrent;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// When the chart library cannot be loaded, the value measures' lines and the comparisons are painted without it:
/// the numbers stay on screen (the raw CSV's), and nothing throws.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChartLibraryDownTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ChartLibrary = "**/lib/chart.js/**";

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_value_measure_and_a_comparison_are_painted_with_the_raw_CSVs_numbers_when_the_chart_library_is_blocked()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var expected = oracle.GenreTrends(2000, 2010, ["Drama", "Horror"], OracleMeasure.AverageRating);
        var everyVote = oracle.GenreTrends(2000, 2010, ["Horror"], OracleMeasure.AverageRating, new OracleFilter(MinVotes: 1000));
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var errors = RecordErrorsOtherThanTheLibrary(session.Page);
        var blocked = 0;
        await session.Page.RouteAsync(ChartLibrary, route =>
        {
            Interlocked.Increment(ref blocked);
            return route.AbortAsync();
        });
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Horror&measure=AVERAGE_RATING&compare=Drama,Horror&versus=Horror&versusMinVotes=1000");

        Assert.True(errors.IsEmpty, string.Join(" | ", errors));
        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("1,000 votes"));
        Assert.True(blocked > 0, "The page never asked for the chart library.");
        Assert.False(await page.Page.EvaluateAsync<bool>("() => 'Chart' in window"));
        var chart = await page.MeasureChartAsync();
        foreach (var drawn in chart.Datasets)
        {
            AnalystAssert.Values(expected[drawn.Label].Values, drawn.Data);
        }

        Assert.True(await page.PaintedPixelsAsync("trends-chart") > 1000, "The value measure's chart is blank.");
        var comparison = await page.MeasureChartAsync("#comparison-figure");
        Assert.Equal(["Drama", "Horror"], comparison.Datasets.Select(d => d.Label));
        AnalystAssert.Values(expected["Drama"].Values, comparison.Datasets[0].Data);
        Assert.True(await page.PaintedPixelsAsync("comparison-chart") > 1000, "The comparison's chart is blank.");
        var versus = await page.MeasureChartAsync("#versus-figure");
        AnalystAssert.Values(expected["Horror"].Values, versus.Datasets[0].Data);
        AnalystAssert.Values(everyVote["Horror"].Values, versus.Datasets[1].Data);
        Assert.True(await page.PaintedPixelsAsync("versus-chart") > 1000, "The filter comparison's chart is blank.");

        Assert.True(errors.IsEmpty, string.Join(" | ", errors));
    }

    /// <summary>Console errors and uncaught exceptions, except the blocked library's own failed load.</summary>
    private static ConcurrentQueue<string> RecordErrorsOtherThanTheLibrary(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("/lib/chart.js/", StringComparison.Ordinal)
                && !message.Text.Contains("ERR_FAILED", StringComparison.Ordinal))
            {
                errors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue("Uncaught: " + error);
        return errors;
    }
}
