using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// One genre under two filters side by side over the years on screen (the view's filter against a second one),
/// in the link, with the raw CSV's numbers.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FilterComparisonTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task English_against_French_drama_counts_are_pinned_side_by_side_and_a_link_restores_them()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var english = oracle.GenreTrends(2000, 2010, ["Drama", "Comedy"], filter: new OracleFilter(Languages: ["en"]));
        var french = oracle.GenreTrends(2000, 2010, ["Drama"], filter: new OracleFilter(Languages: ["fr"]));
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Comedy&lang=en");
        await Expect(page.Page.Locator("#versus-result")).ToBeHiddenAsync();

        await page.Page.GetByLabel("Genre", new() { Exact = true }).SelectOptionAsync("Drama");
        await page.Page.GetByLabel("Second filter: languages").FillAsync("fr");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pin the two filters" }).ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("versus=Drama&versusLang=fr"));
        await AssertCountsAsync(page, english, french);
        var rows = page.Page.Locator("#versus-data-table tr");
        await Expect(rows).ToHaveCountAsync(english.Years.Length + 1);
        await Expect(page.Page.Locator("#versus-status")).ToContainTextAsync(
            $"Drama · English: {english["Drama"].Counts.Sum():N0} movies; Drama · French: {french["Drama"].Counts.Sum():N0} movies");

        await page.OpenAsync(new Uri(page.Page.Url).Query);
        await AssertCountsAsync(page, english, french);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Unpin" }).Last.ClickAsync();
        await Expect(page.Page.Locator("#versus-result")).ToBeHiddenAsync();
        await page.Page.GoBackAsync();
        await Expect(page.Page.Locator("#versus-result")).ToBeVisibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Every_Horror_movie_against_those_with_1000_votes_compares_average_ratings_with_gaps_where_none_is_known()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var all = oracle.GenreTrends(1980, 2016, ["Horror"], OracleMeasure.AverageRating);
        var voted = oracle.GenreTrends(1980, 2016, ["Horror"], OracleMeasure.AverageRating, new OracleFilter(MinVotes: 1000));
        Assert.Contains(null, voted["Horror"].Values);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1980&to=2016&measure=AVERAGE_RATING&versus=Horror&versusMinVotes=1000");

        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("1,000 votes"));
        var chart = await page.MeasureChartAsync("#versus-figure");
        Assert.Equal(["Horror · all movies", "Horror · ≥ 1,000 votes"], chart.Datasets.Select(d => d.Label));
        AnalystAssert.Values(all["Horror"].Values, chart.Datasets[0].Data);
        AnalystAssert.Values(voted["Horror"].Values, chart.Datasets[1].Data);
        var known = Array.FindIndex(voted["Horror"].Values, v => v is not null);
        await Expect(page.Page.Locator("#versus-data-table tbody tr").Nth(known).Locator("td").Nth(1))
            .ToHaveTextAsync($"{voted["Horror"].Values[known]!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} (from {voted["Horror"].Known[known]} movie{(voted["Horror"].Known[known] == 1 ? "" : "s")})");
        session.AssertClean();
    }

    [Fact]
    public async Task A_second_filter_the_API_refuses_is_explained_next_to_the_comparison()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&versus=Drama&versusMinRating=20");

        await Expect(page.Page.Locator("#versus-error")).ToContainTextAsync("Check the filter");
        await Expect(page.Page.Locator("#versus-result")).ToBeHiddenAsync();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
    }

    private static async Task AssertCountsAsync(MovieTrendsPage page, OracleTrends english, OracleTrends french)
    {
        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("French"));
        var chart = await page.MeasureChartAsync("#versus-figure");
        Assert.Equal(["Drama · English", "Drama · French"], chart.Datasets.Select(d => d.Label));
        Assert.Equal(english.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), chart.Labels);
        Assert.Equal(english["Drama"].Counts.Select(c => (double?)c), chart.Datasets[0].Data);
        Assert.Equal(french["Drama"].Counts.Select(c => (double?)c), chart.Datasets[1].Data);
    }
}
