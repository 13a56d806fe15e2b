using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The catalog's notice above both views (js/catalog-notice.js) stands apart from the page as its other notices do:
/// a bar and a background of its own while the page waits, the field errors' bar and colours once it has given up,
/// in the light and the dark theme, legible (axe) and within a 390 px phone's width.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CatalogNoticeStyleTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_catalog_notice_stands_apart_like_the_pages_notices_and_fits_a_phone(ColorScheme scheme)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Phone(Width, 844, scheme));
        var page = new MovieTrendsPage(session);
        await WaitingCatalog.RouteAsync(page.Page, GraphQLRoute.ServerBusy);

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        var status = page.Page.Locator("#catalog-status");
        await Expect(status).ToHaveAttributeAsync("data-kind", "info");
        var waiting = await NoticeLookAsync(page.Page);
        Assert.NotEqual("rgba(0, 0, 0, 0)", waiting.Background);
        Assert.NotEqual(waiting.PageBackground, waiting.Background);
        // The field errors' bar, not their colour: a wait is not an error.
        Assert.Equal((waiting.ErrorBarWidth, waiting.ErrorBarStyle), (waiting.BarWidth, waiting.BarStyle));
        Assert.NotEqual(waiting.ErrorBarColour, waiting.BarColour);
        AssertFits(waiting);

        await Expect(status).ToHaveAttributeAsync("data-kind", "error", new() { Timeout = 30_000 });
        var failed = await NoticeLookAsync(page.Page);
        Assert.Equal((failed.ErrorBackground, failed.ErrorBarWidth, failed.ErrorBarStyle, failed.ErrorBarColour),
            (failed.Background, failed.BarWidth, failed.BarStyle, failed.BarColour));
        AssertFits(failed);
        Assert.False(await page.HasHorizontalScrollAsync(), "The page is wider than the phone's screen.");
        await AxeAssert.NoViolationAsync(page.Page);
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    private static void AssertFits(NoticeLook look)
    {
        Assert.True(look.Right <= Width, $"The notice ends at {look.Right} px, past the {Width} px screen.");
        Assert.True(look.ContentWidth <= look.Width, $"The notice's content is {look.ContentWidth} px wide in {look.Width} px.");
    }

    /// <summary>The notice's computed look beside the page's background and a field error's (the link note's).</summary>
    private static Task<NoticeLook> NoticeLookAsync(IPage page) => page.EvaluateAsync<NoticeLook>("""
        () => {
          const notice = document.getElementById('catalog-notice');
          const style = getComputedStyle(notice);
          const fieldError = getComputedStyle(document.getElementById('link-note'));
          return {
            background: style.backgroundColor,
            barWidth: style.borderLeftWidth,
            barStyle: style.borderLeftStyle,
            barColour: style.borderLeftColor,
            pageBackground: getComputedStyle(document.body).backgroundColor,
            errorBackground: fieldError.backgroundColor,
            errorBarWidth: fieldError.borderLeftWidth,
            errorBarStyle: fieldError.borderLeftStyle,
            errorBarColour: fieldError.borderLeftColor,
            right: notice.getBoundingClientRect().right,
            width: notice.clientWidth,
            contentWidth: notice.scrollWidth,
          };
        }
        """);

    private sealed class NoticeLook
    {
        public string Background { get; set; } = "";

        public string BarWidth { get; set; } = "";

        public string BarStyle { get; set; } = "";

        public string BarColour { get; set; } = "";

        public string PageBackground { get; set; } = "";

        public string ErrorBackground { get; set; } = "";

        public string ErrorBarWidth { get; set; } = "";

        public string ErrorBarStyle { get; set; } = "";

        public string ErrorBarColour { get; set; } = "";

        public double Right { get; set; }

        public double Width { get; set; }

        public double ContentWidth { get; set; }
    }
}
