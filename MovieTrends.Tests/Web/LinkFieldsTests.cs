using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Nonsense in a link is not dropped silently: what the page could not read is named with what was expected,
/// what the API refuses is explained next to the inputs, and nothing throws.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LinkFieldsTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task Fields_the_page_cannot_read_are_named_with_what_was_expected_until_the_next_change()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&measure=FOO&minRating=abc&mode=bars&from=2000&to=2010");

        var note = page.Page.Locator("#link-note");
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync("measure=FOO (expected one of MOVIES, AVERAGE_RATING");
        await Expect(note).ToContainTextAsync("minRating=abc (expected a number from 0 to 10)");
        await Expect(note).ToContainTextAsync("mode=bars (expected counts or share)");
        await Expect(note).Not.ToContainTextAsync("from=");
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");

        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();
        await Expect(note).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task An_out_of_range_year_in_a_link_is_explained_with_the_catalogs_years()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&measure=FOO&minRating=abc&from=3000");

        await Expect(page.TrendsError).ToContainTextAsync("the catalog covers those");
        await Expect(page.Page.Locator("#link-note")).ToContainTextAsync("measure=FOO");
        session.AssertClean();
    }

    [Fact]
    public async Task A_link_to_a_dataset_that_does_not_exist_says_so_and_keeps_the_switcher_to_pick_another()
    {
        var top10k = Oracle.DatasetOracle.Top10k;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&dataset=nope");

        await Expect(page.TrendsError).ToContainTextAsync("nope");
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync("The link's dataset cannot be shown: Unknown dataset 'nope'.");
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync("Pick one from the Dataset list.");
        var switcher = page.Page.GetByLabel("Dataset", new() { Exact = true });
        await Expect(switcher.Locator("option")).ToHaveCountAsync(3);
        await switcher.SelectOptionAsync("tmdb-top10k");
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dataset=tmdb-top10k"));
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        var chart = await page.TrendsChartAsync();
        var expected = top10k.GenreTrends(2000, 2010);
        Assert.Equal(expected.Series.Select(s => s.Genre).Order(), chart.Datasets.Select(d => d.Label).Order());
        // No AssertClean: the API answers an unknown dataset with HTTP 400, which the browser itself logs as an error.
    }

    [Fact]
    public async Task A_measure_the_linked_dataset_lacks_marks_the_measure_not_the_years_and_names_measures_in_words()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&dataset=tmdb-top10k&measure=MEDIAN_BUDGET");

        await Expect(page.TrendsError).ToHaveAttributeAsync("data-code", "MEASURE_UNAVAILABLE");
        await Expect(page.Page.Locator("#trends-measure")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Page.Locator("#trends-from")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Page.Locator("#trends-to")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.TrendsError).ToContainTextAsync("no data for the measure median budget; its measures: number of movies, share of year, average rating");
        await Expect(page.TrendsError).Not.ToContainTextAsync("MEDIAN_BUDGET");
    }

    [Fact]
    public async Task An_unknown_genre_in_a_link_is_named_without_marking_the_years_invalid()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Nope,Drama");

        await Expect(page.TrendsError).ToHaveAttributeAsync("data-code", "UNKNOWN_GENRE");
        await Expect(page.TrendsError).ToContainTextAsync("Unknown genre 'Nope'");
        await Expect(page.Page.Locator("#trends-from")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Page.Locator("#trends-to")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }
}
