using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The analyst's view at its fullest (a measure, a filter, two genres compared, one genre under two filters, a drill-down list with a movie's
/// card) on a 1366 × 900 desktop and a 390 × 844 phone: axe finds nothing, and the screenshots for the docs are
/// written to TestResults/screenshots (analyst-*.png).
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class AnalystScreenshotsTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string FullView = "?view=trends&from=1990&to=2016&genres=Action,Drama,Comedy,Horror,Animation&measure=MEDIAN_BUDGET"
        + "&minVotes=100&compare=Animation,Horror&versus=Animation&versusMinVotes=1000&drill=Animation:2010-2010&order=REVENUE_DESC";

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task With_a_measure_a_comparison_and_a_drill_down_open_axe_finds_nothing(string device)
    {
        var options = device == "phone"
            ? WebPageContext.Phone(390, 844)
            : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-US" };
        await using var session = await browser.OpenAsync(_web, options);
        var page = new MovieTrendsPage(session);
        await page.OpenAsync(FullView);
        await Expect(page.Page.Locator("#drill-list button").First).ToBeVisibleAsync();
        await page.Page.Locator("#drill-list button").First.ClickAsync();
        await Expect(page.Page.Locator("#drill-details")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("1,000 votes"));

        var result = await page.Page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.False(await page.HasHorizontalScrollAsync(), "The page is wider than the screen.");
        await page.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestOutput.ScreenshotsDirectory, $"analyst-measure-{device}.png") });
        await page.Page.EvaluateAsync("() => document.getElementById('drill').scrollIntoView({ block: 'start' })");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestOutput.ScreenshotsDirectory, $"analyst-drill-{device}.png") });
        await page.Page.EvaluateAsync("() => document.getElementById('comparison').scrollIntoView({ block: 'start' })");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestOutput.ScreenshotsDirectory, $"analyst-compare-{device}.png") });
        await page.Page.EvaluateAsync("() => document.getElementById('versus').scrollIntoView({ block: 'start' })");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestOutput.ScreenshotsDirectory, $"analyst-versus-{device}.png") });
        session.AssertClean();
    }
}
