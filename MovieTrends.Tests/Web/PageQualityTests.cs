using Deque.AxeCore.Playwright;
using Xunit.Abstractions;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Accessibility (axe-core finds nothing), the phone layout, and a screenshot of each view as test output
/// (TestResults/screenshots), in the light and the dark theme.
/// </summary>
[Collection("app")]
public sealed class PageQualityTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData("trends", ColorScheme.Light)]
    [InlineData("trends", ColorScheme.Dark)]
    [InlineData("popularity", ColorScheme.Light)]
    [InlineData("popularity", ColorScheme.Dark)]
    public async Task Axe_finds_no_violation_in_either_view_and_theme(string view, ColorScheme scheme)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop(scheme));
        var page = new MovieTrendsPage(session);
        await OpenWithEverythingShownAsync(page, view);

        var result = await page.Page.RunAxe();

        var name = $"{view}-{scheme.ToString().ToLowerInvariant()}";
        output.WriteLine("Screenshot: " + await session.SaveScreenshotAsync(name));
        Assert.True(result.Violations.Length == 0, $"axe on {name}: " + string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.NotEmpty(result.Passes);
        session.AssertClean();
    }

    [Theory]
    [InlineData("trends")]
    [InlineData("popularity")]
    public async Task On_a_360_pixel_phone_nothing_scrolls_sideways_and_axe_finds_nothing(string view)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Phone());
        var page = new MovieTrendsPage(session);
        await OpenWithEverythingShownAsync(page, view);

        Assert.False(await page.HasHorizontalScrollAsync(), "The page is wider than the phone's screen.");
        var result = await page.Page.RunAxe();
        output.WriteLine("Screenshot: " + await session.SaveScreenshotAsync($"{view}-phone"));
        Assert.Empty(result.Violations.Select(v => v.Id));
        session.AssertClean();
    }

    /// <summary>Opens a view with its richest state: a chart, a selected movie, and a chat answer.</summary>
    private static async Task OpenWithEverythingShownAsync(MovieTrendsPage page, string view)
    {
        await page.OpenAsync(view == "trends" ? "?view=trends&from=1995&to=2016" : "?view=popularity&year=2010&movie=27205");
        if (view == "popularity")
        {
            await Expect(page.MovieDetails).ToBeVisibleAsync();
        }

        // On a phone the chat is a sheet opened by its button.
        var toggle = page.Page.Locator("#chat-toggle");
        if (await toggle.IsVisibleAsync())
        {
            await toggle.ClickAsync();
        }

        var input = page.Page.GetByLabel("Your question", new() { Exact = true });
        await input.FillAsync(view == "trends" ? "Which genre grew the most?" : "Which movie was the most popular in 2010?");
        await input.PressAsync("Enter");
        // An answer or an error message: either way the conversation has content for axe to check.
        await Expect(page.Page.Locator("#chat-log :is(.chat-message--assistant, .chat-message--error)")).ToHaveCountAsync(1);
    }
}
