using System.Collections.Concurrent;
using System.Globalization;
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

    [Fact]
    public async Task The_painted_charts_have_the_librarys_legend_and_read_out_a_points_value_by_keyboard_and_pointer()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var expected = oracle.GenreTrends(2000, 2010, ["Drama", "Horror"], OracleMeasure.AverageRating);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var errors = RecordErrorsOtherThanTheLibrary(session.Page);
        await session.Page.RouteAsync(ChartLibrary, route => route.AbortAsync());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Horror&measure=AVERAGE_RATING&compare=Drama,Horror&versus=Horror&versusMinVotes=1000");
        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("1,000 votes"));

        // The legends: the library's words (the lines' labels) and colours, the second filter's line dashed.
        await Expect(page.Page.Locator("#comparison-result .painted-legend li")).ToHaveTextAsync(["Drama", "Horror"]);
        var versus = await page.MeasureChartAsync("#versus-figure");
        await Expect(page.Page.Locator("#versus-result .painted-legend li")).ToHaveTextAsync(versus.Datasets.Select(d => d.Label).ToArray());
        var versusLines = page.Page.Locator("#versus-result .painted-legend-line");
        Assert.Equal("solid", await versusLines.Nth(0).EvaluateAsync<string>("line => getComputedStyle(line).borderTopStyle"));
        Assert.Equal("dashed", await versusLines.Nth(1).EvaluateAsync<string>("line => getComputedStyle(line).borderTopStyle"));

        // The keyboard: a Tab stop whose arrows move between years and lines.
        var readout = page.Page.Locator("#comparison-result .painted-readout");
        await page.Page.Locator("#comparison-chart").FocusAsync();
        await Expect(readout).ToHaveTextAsync($"Drama, 2000: {Cell(expected["Drama"], 0)}.");
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(readout).ToHaveTextAsync($"Drama, 2001: {Cell(expected["Drama"], 1)}.");
        await page.Page.Keyboard.PressAsync("ArrowUp");
        await Expect(readout).ToHaveTextAsync($"Horror, 2001: {Cell(expected["Horror"], 1)}.");

        // The pointer: the point nearest it, here the last year's.
        var chart = page.Page.Locator("#trends-chart");
        var box = (await chart.BoundingBoxAsync())!;
        await chart.HoverAsync(new() { Position = new() { X = box.Width - 2, Y = box.Height / 2 } });
        var trendsReadout = page.Page.Locator("#trends-result > .painted-readout");
        await Expect(trendsReadout).ToContainTextAsync(", 2010: ");
        var read = await trendsReadout.TextContentAsync();
        Assert.Contains(read, new[] { "Drama", "Horror" }.Select(genre => $"{genre}, 2010: {Cell(expected[genre], 10)}. Press Enter to list the movies."));

        Assert.True(errors.IsEmpty, string.Join(" | ", errors));
    }

    /// <summary>A rating as the table writes it: two decimals and how many movies it rests on.</summary>
    private static string Cell(OracleSeries series, int i) => series.Values[i] is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{value:F2} (from {series.Known[i]:N0} {(series.Known[i] == 1 ? "movie" : "movies")})")
        : throw new InvalidOperationException($"{series.Genre} has no rating in year {i}: pick another year.");

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
