using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The measure picker, the movie filter and the dataset switcher: in the link, answered with the raw CSV's numbers,
/// and what a dataset cannot answer is disabled with its reason.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class AnalystControlsTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_measure_in_the_link_draws_each_genres_value_with_gaps_where_none_is_known_and_says_what_it_rests_on()
    {
        var expected = DatasetOracle.Tmdb5000.GenreTrends(1990, 2016, ["Drama", "Documentary"], OracleMeasure.MedianBudget);
        var documentary = expected["Documentary"];
        Assert.Contains(null, documentary.Values);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1990&to=2016&genres=Drama,Documentary&measure=MEDIAN_BUDGET");

        var chart = await page.MeasureChartAsync();
        Assert.Equal("MEDIAN_BUDGET", chart.Measure);
        foreach (var drawn in chart.Datasets)
        {
            AnalystAssert.Values(expected[drawn.Label].Values, drawn.Data);
            Assert.Equal(expected[drawn.Label].Known, drawn.Known);
        }

        var known = expected.Series.Sum(s => s.Known.Sum());
        var listings = expected.Series.Sum(s => s.Total);
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync($"median budget: from {known:N0} of {listings:N0} genre listings with a known budget");
        await Expect(page.Page.Locator("#trends-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Median budget \\(US\\$\\) per genre per year, 1990–2016:"));
        await Expect(page.Page.GetByLabel("Counts")).ToBeDisabledAsync();
        await Expect(page.Page.Locator("#trends-mode-note")).ToBeVisibleAsync();

        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();
        var table = await page.TableAsync();
        var column = Array.IndexOf(table[0], "Documentary");
        var gap = Array.IndexOf(documentary.Values, null);
        Assert.Equal("–", table[gap + 1][column]);
        var value = Array.FindIndex(documentary.Values, v => v is not null);
        Assert.Equal($"${documentary.Values[value]:N0} ({documentary.Known[value]})", table[value + 1][column]);
        session.AssertClean();
    }

    [Fact]
    public async Task The_dataset_switcher_and_the_filter_are_in_the_link_Back_undoes_them_and_what_a_dataset_lacks_is_disabled_with_its_reason()
    {
        var top10k = DatasetOracle.Top10k;
        var french = new OracleFilter(Languages: ["fr"], MinVotes: 100);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");

        await page.Page.GetByLabel("Dataset", new() { Exact = true }).SelectOptionAsync("tmdb-top10k");
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dataset=tmdb-top10k"));
        await MovieTrendsPage.WaitForSettledAsync(page.TrendsResult);
        await AssertCountsAsync(page, top10k.GenreTrends(2000, 2010));

        var budget = page.Page.Locator("#trends-measure option[value=MEDIAN_BUDGET]");
        await Expect(budget).ToBeDisabledAsync();
        await Expect(budget).ToContainTextAsync("not in");
        await Expect(page.Page.Locator("#trends-measure-note")).ToContainTextAsync("no data for median runtime");

        await page.Page.Locator("#filter-picker summary").ClickAsync();
        await Expect(page.Page.GetByLabel("Released only")).ToBeDisabledAsync();
        await Expect(page.Page.Locator("#filter-released-note")).ToContainTextAsync("Not available");
        await page.Page.GetByLabel("Original languages").FillAsync("fr");
        await page.Page.GetByLabel("Minimum votes").FillAsync("100");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("lang=fr&minVotes=100"));
        await MovieTrendsPage.WaitForSettledAsync(page.TrendsResult);
        await AssertCountsAsync(page, top10k.GenreTrends(2000, 2010, filter: french));
        await Expect(page.Page.Locator("#filter-summary")).ToHaveTextAsync("French · ≥ 100 votes");

        await page.Page.GoBackAsync();
        await Expect(page.Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("lang="));
        await AssertCountsAsync(page, top10k.GenreTrends(2000, 2010));
        await page.Page.GoBackAsync();
        await Expect(page.Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dataset="));
        await AssertCountsAsync(page, DatasetOracle.Tmdb5000.GenreTrends(2000, 2010));
        session.AssertClean();
    }

    [Fact]
    public async Task Popularity_ranks_only_the_movies_of_the_linked_dataset_that_pass_the_filter()
    {
        var expected = DatasetOracle.TmdbMovies.Popularity(2010, 5, new OracleFilter(MinVotes: 500));
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=2010&dataset=tmdb-movies&minVotes=500");

        Assert.Equal(expected.Top.Select(m => m.Title), (await page.BarsChartAsync("top")).Labels);
        await Expect(page.Page.Locator("#popularity-status")).ToContainTextAsync($"{expected.MovieCount:N0} movies that pass the filter (≥ 500 votes)");
        await Expect(page.Page.GetByLabel("Dataset", new() { Exact = true })).ToHaveValueAsync("tmdb-movies");
        session.AssertClean();
    }

    [Fact]
    public async Task A_measure_the_dataset_cannot_answer_is_refused_next_to_the_inputs_without_a_chart_under_a_heading_naming_it()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&dataset=tmdb-top10k&measure=MEDIAN_BUDGET");

        await Expect(page.TrendsError).ToHaveAttributeAsync("data-code", "MEASURE_UNAVAILABLE");
        await Expect(page.TrendsError).ToContainTextAsync("cannot answer that measure");
        await Expect(page.TrendsFigure).ToBeHiddenAsync();
        // The heading says what was asked, not the page's first view ("Movies per genre per year").
        await Expect(page.Page.Locator("#trends-title")).ToHaveTextAsync("Median budget (US$) per genre per year, 2000–2010");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Axe_finds_no_violation_with_the_new_controls_open(bool phone)
    {
        await using var session = await browser.OpenAsync(_web, phone ? WebPageContext.Phone(390, 844) : WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&dataset=tmdb-top10k&measure=AVERAGE_RATING&minVotes=50&compare=Drama,Comedy");
        await page.Page.Locator("#filter-picker summary").ClickAsync();

        var result = await page.Page.RunAxe();

        await session.SaveScreenshotAsync(phone ? "analyst-phone" : "analyst-desktop");
        Assert.True(result.Violations.Length == 0, string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.False(await page.HasHorizontalScrollAsync(), "The page is wider than the screen.");
        session.AssertClean();
    }

    private static async Task AssertCountsAsync(MovieTrendsPage page, OracleTrends expected)
    {
        await MovieTrendsPage.WaitForSettledAsync(page.TrendsResult);
        await Expect(page.TrendsFigure).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape($"\"label\":\"{expected.Series[0].Genre}\",\"data\":[{string.Join(',', expected.Series[0].Counts)}]")));
        var chart = await page.MeasureChartAsync();
        Assert.Equal(expected.Series.Select(s => s.Genre).Order(StringComparer.Ordinal), chart.Datasets.Select(d => d.Label).Order(StringComparer.Ordinal));
        foreach (var drawn in chart.Datasets)
        {
            Assert.Equal(expected[drawn.Label].Counts.Select(c => (double?)c), drawn.Data);
        }
    }
}
