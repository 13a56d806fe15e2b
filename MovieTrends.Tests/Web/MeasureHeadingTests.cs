using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The genre-trends heading, the chart's accessible name and the table's caption name what is shown: the measure
/// with its unit, the years and the filter in words, not "Movies per genre per year" whatever the measure.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MeasureHeadingTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData("?view=trends&from=2000&to=2010&measure=MEDIAN_BUDGET&lang=en&minVotes=100",
        "Median budget (US$) per genre per year, 2000–2010 · English · ≥ 100 votes")]
    [InlineData("?view=trends&from=1995&to=2005&measure=AVERAGE_RATING&lang=fr,de&minRating=7&released=1",
        "Average rating (0–10) per genre per year, 1995–2005 · French, German · rating ≥ 7 · released only")]
    [InlineData("?view=trends&from=1916&to=2017&mode=share&genres=Drama,Comedy&minVotes=1000",
        "Share of the movies in each genre per 5 years (%), 1916–2017 · ≥ 1,000 votes")]
    [InlineData("?view=trends&from=1990&to=2016", "Movies per genre per year, 1990–2016")]
    public async Task The_heading_chart_name_and_table_caption_name_the_measure_its_unit_the_years_and_the_filter(string query, string title)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync(query);

        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Page.Locator("#trends-title")).ToHaveTextAsync(title);
        var chartName = await page.Page.Locator("#trends-chart").GetAttributeAsync("aria-label");
        Assert.StartsWith(title + ":", chartName, StringComparison.Ordinal);
        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();
        var caption = await page.Page.Locator("#trends-data-table caption").TextContentAsync();
        Assert.StartsWith(title, caption, StringComparison.Ordinal);
        session.AssertClean();
    }

    [Fact]
    public async Task The_heading_the_status_line_and_the_filter_summary_say_the_filter_in_the_same_words()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&lang=fr&minVotes=100&minRating=7");

        const string Words = "French · ≥ 100 votes · rating ≥ 7";
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Page.Locator("#trends-title")).ToHaveTextAsync($"Movies per genre per year, 2000–2010 · {Words}");
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync($"Only movies that pass the filter: {Words}.");
        await Expect(page.Page.Locator("#filter-summary")).ToHaveTextAsync(Words);
        session.AssertClean();
    }
}
