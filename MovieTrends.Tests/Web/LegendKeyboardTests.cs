using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>The legend is one Tab stop; the arrow keys move between its genres (a roving tabindex).</summary>
[Collection("app")]
public sealed class LegendKeyboardTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task One_Tab_crosses_the_twenty_genre_legend_and_the_arrows_move_inside_it()
    {
        var genres = RawTmdbData.Dated.Where(movie => movie.Year is >= 1990 and <= 2016).SelectMany(movie => movie.Genres).Distinct().Count();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=1990&to=2016");
        // Each genre has its toggle and, beside it, the button that lists its movies: all in the one Tab stop.
        var buttons = page.Page.Locator("#trends-legend button");
        await Expect(page.Page.Locator("#trends-legend button[aria-pressed]")).ToHaveCountAsync(genres);
        await Expect(buttons).ToHaveCountAsync(2 * genres);
        Assert.Equal(20, genres);

        await buttons.First.FocusAsync();
        await page.Page.Keyboard.PressAsync("Tab");

        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(buttons.First).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(buttons.Nth(1)).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("End");
        await Expect(buttons.Last).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(buttons.First).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(buttons.Last).ToBeFocusedAsync();
        // Tab leaves from the genre last visited, and Shift+Tab comes back to it.
        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(buttons.Last).ToBeFocusedAsync();
        Assert.Equal(1, await page.Page.Locator("#trends-legend button[tabindex='0']").CountAsync());
        session.AssertClean();
    }
}
