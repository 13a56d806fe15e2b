using System.Globalization;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>The popularity lists: no movie under both headings, one precision everywhere, and a list length in the link.</summary>
[Collection("app")]
public sealed class PopularityListsTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_thin_year_lists_each_movie_once_and_says_why_the_bottom_list_is_empty()
    {
        var of1939 = RawTmdbData.Dated.Where(movie => movie.Year == 1939).OrderByDescending(movie => movie.Popularity).ToArray();
        Assert.Equal(3, of1939.Length);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=1939");

        await Expect(page.Page.Locator("#top-list button")).ToHaveTextAsync(of1939.Select(movie => movie.Title).ToArray());
        await Expect(page.Page.Locator("#bottom-list li")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("#top-title")).ToHaveTextAsync("Top 3");
        await Expect(page.Page.Locator("#bottom-title")).ToHaveTextAsync("Bottom 0");
        await Expect(page.Page.Locator("#bottom-note")).ToHaveTextAsync("All 3 movies of 1939 are in the top list.");
        session.AssertClean();
    }

    [Fact]
    public async Task The_limit_comes_from_the_link_and_the_bottom_list_takes_only_movies_not_in_the_top()
    {
        var of1939 = RawTmdbData.Dated.Where(movie => movie.Year == 1939).OrderByDescending(movie => movie.Popularity).ToArray();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=1939&limit=2");

        await Expect(page.Page.GetByLabel("Movies per list")).ToHaveValueAsync("2");
        await Expect(page.Page.Locator("#top-list button")).ToHaveTextAsync(of1939.Take(2).Select(movie => movie.Title).ToArray());
        await Expect(page.Page.Locator("#bottom-list button")).ToHaveTextAsync([of1939[2].Title]);
        await Expect(page.Page.Locator("#bottom-note")).ToHaveTextAsync("Only 1 movie of 1939 is not already in the top list.");
        session.AssertClean();
    }

    [Fact]
    public async Task A_limit_typed_into_the_form_goes_into_the_link_and_one_past_fifty_is_refused_with_the_bounds()
    {
        var of2010 = RawTmdbData.Dated.Where(movie => movie.Year == 2010).OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).ToArray();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");
        var limit = page.Page.GetByLabel("Movies per list");

        await limit.FillAsync("12");
        await limit.PressAsync("Enter");

        await Expect(page.Page.Locator("#top-list li")).ToHaveCountAsync(12);
        await Expect(page.Page.Locator("#top-list button").Nth(11)).ToHaveTextAsync(of2010[11].Title);
        Assert.Contains("limit=12", page.Page.Url, StringComparison.Ordinal);
        await limit.FillAsync("51");
        await limit.PressAsync("Enter");
        await Expect(page.Page.Locator("#popularity-error")).ToHaveTextAsync("The number of movies must be between 1 and 50.");
        await Expect(limit).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("limit=12", page.Page.Url, StringComparison.Ordinal);

        await page.Page.GotoAsync(session.Url("/?view=popularity&year=2010&limit=0"));
        await Expect(page.Page.Locator("#popularity-error")).ToHaveTextAsync("The number of movies must be between 1 and 50.");
        session.AssertClean();
    }

    [Fact]
    public async Task The_list_and_the_card_show_a_tiny_popularity_alike_and_close_to_the_data()
    {
        var least = RawTmdbData.Dated.Where(movie => movie.Year == 2010).OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).First();
        Assert.True(least.Popularity < 0.01, "The test needs a popularity that two decimals would round away.");
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");
        var item = page.Page.Locator("#bottom-list li").Filter(new() { HasText = least.Title });

        var inList = (await item.Locator(".value").InnerTextAsync()).Trim();
        await item.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(page.MovieDetails.Locator("dt:text-is('Popularity') + dd")).ToHaveTextAsync(inList);
        var shown = double.Parse(inList, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(shown - least.Popularity) <= least.Popularity * 0.05, $"{inList} is not {least.Popularity} to two significant digits.");
        session.AssertClean();
    }
}
