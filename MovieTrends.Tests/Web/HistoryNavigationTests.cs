using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>Back undoes each change made on the page and Forward redoes it, without leaving the app.</summary>
[Collection("app")]
public sealed class HistoryNavigationTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task Back_and_Forward_undo_and_redo_range_and_mode_changes()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var from = page.Page.GetByLabel("From", new() { Exact = true });
        var status = page.Page.Locator("#trends-status");
        var share = page.Page.GetByLabel("Share of year", new() { Exact = true });
        await page.OpenAsync("?view=trends&from=2000&to=2010&mode=counts");

        await from.FillAsync("1995");
        await page.Page.GetByLabel("To", new() { Exact = true }).FillAsync("2005");
        await from.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("1995–2005");
        await share.CheckAsync();
        await Expect(page.TrendsFigure).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("\"mode\":\"share\""));

        await page.Page.GoBackAsync();
        await Expect(page.Page.GetByLabel("Counts", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.TrendsFigure).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("\"mode\":\"counts\""));
        await Expect(status).ToContainTextAsync("1995–2005");

        // Forward follows at once, while 2000–2010 may still be loading: its late answer must not win.
        await page.Page.GoBackAsync();
        await Expect(from).ToHaveValueAsync("2000");

        await page.Page.GoForwardAsync();
        await Expect(from).ToHaveValueAsync("1995");
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1995–2005: "));
        await page.Page.WaitForTimeoutAsync(500);
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1995–2005: "));

        await page.Page.GoBackAsync();
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2000–2010: "));
        Assert.Equal("2000", (await page.TrendsChartAsync()).Labels[0]);
        session.AssertClean();
    }

    [Fact]
    public async Task Back_closes_the_chosen_movie_and_then_returns_to_the_previous_year()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var year = page.Page.GetByLabel("Year", new() { Exact = true });
        var status = page.Page.Locator("#popularity-status");
        await page.OpenAsync("?view=popularity&year=2010");

        await year.FillAsync("2000");
        await year.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("2000:");
        await page.Page.Locator("#top-list button").First.ClickAsync();
        await Expect(page.MovieDetails).ToBeVisibleAsync();

        await page.Page.GoBackAsync();
        await Expect(page.MovieDetails).ToBeHiddenAsync();
        Assert.DoesNotContain("movie=", page.Page.Url, StringComparison.Ordinal);

        await page.Page.GoBackAsync();
        await Expect(year).ToHaveValueAsync("2010");
        await Expect(status).ToContainTextAsync("2010:");
        session.AssertClean();
    }
}
