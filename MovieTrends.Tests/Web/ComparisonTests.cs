using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>Two genres pinned side by side over the years on screen, with the view's measure and filter, in the link.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ComparisonTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task Two_pinned_genres_are_drawn_side_by_side_with_the_measure_and_filter_and_a_link_restores_them()
    {
        var filter = new OracleFilter(MinVotes: 100);
        var expected = DatasetOracle.Tmdb5000.GenreTrends(2000, 2010, measure: OracleMeasure.AverageRating, filter: filter);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&measure=AVERAGE_RATING&minVotes=100");
        await Expect(page.Page.Locator("#comparison-result")).ToBeHiddenAsync();

        await page.Page.GetByLabel("First genre").SelectOptionAsync("Horror");
        await page.Page.GetByLabel("Second genre").SelectOptionAsync("Animation");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pin side by side" }).ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("compare=Horror,Animation"));
        await AssertComparisonAsync(page, expected);
        var table = page.Page.Locator("#comparison-data-table tr");
        await Expect(table).ToHaveCountAsync(expected.Years.Length + 1);
        await Expect(table.Nth(1)).ToContainTextAsync($"from {expected["Horror"].Known[0]} movies");

        await page.OpenAsync(new Uri(page.Page.Url).Query);
        await AssertComparisonAsync(page, expected);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Unpin" }).ClickAsync();
        await Expect(page.Page.Locator("#comparison-result")).ToBeHiddenAsync();
        await page.Page.GoBackAsync();
        await Expect(page.Page.Locator("#comparison-result")).ToBeVisibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Counts_compare_the_same_year_groups_as_the_long_range_chart()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var expected = oracle.GenreTrends(oracle.FirstYear, oracle.LastYear, ["Drama", "Comedy"]);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=trends&from={oracle.FirstYear}&to={oracle.LastYear}&compare=Drama,Comedy");

        var chart = await page.MeasureChartAsync("#comparison-figure");
        var main = await page.TrendsChartAsync();
        Assert.Equal(main.Labels, chart.Labels);
        foreach (var drawn in chart.Datasets)
        {
            var sums = expected.Years.Select((year, i) => (year, i)).GroupBy(p => p.year / 5)
                .Select(g => (double?)g.Sum(p => expected[drawn.Label].Counts[p.i]));
            Assert.Equal(sums, drawn.Data);
        }

        session.AssertClean();
    }

    private static async Task AssertComparisonAsync(MovieTrendsPage page, OracleTrends expected)
    {
        await Expect(page.Page.Locator("#comparison-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("Animation"));
        var chart = await page.MeasureChartAsync("#comparison-figure");
        Assert.Equal(["Horror", "Animation"], chart.Datasets.Select(d => d.Label));
        Assert.Equal(expected.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), chart.Labels);
        foreach (var drawn in chart.Datasets)
        {
            AnalystAssert.Values(expected[drawn.Label].Values, drawn.Data);
        }
    }
}
