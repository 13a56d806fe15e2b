using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The PNG download leaves room beside the chart: the last year's label on the x axis is drawn whole, not cut by the
/// image's right edge. The image is decoded in the browser and its right-hand columns read pixel by pixel.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChartImageMarginTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Theory]
    [InlineData("?view=trends&from=2000&to=2010&genres=Drama,Comedy&measure=MEDIAN_RUNTIME")]
    [InlineData("?view=trends&from=2000&to=2010&genres=Drama,Comedy,Horror")]
    public async Task Nothing_of_the_chart_touches_the_right_edge_of_the_PNG(string query)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync(query);
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");

        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        var inked = await page.Page.EvaluateAsync<JsonElement>(
            PngInPage.Script("png", """
              const picture = await decodePng(png);
              const { pixels, background } = picture;
              // Ink in the right-hand margin (8 CSS px), over the whole height: the chart and its axis labels.
              const margin = Math.round(8 * devicePixelRatio);
              let count = 0;
              for (let y = 0; y < picture.height; y++) for (let x = picture.width - margin; x < picture.width; x++) {
                const i = (y * picture.width + x) * 4;
                if (Math.abs(pixels[i] - background[0]) + Math.abs(pixels[i + 1] - background[1]) + Math.abs(pixels[i + 2] - background[2]) > 60) count++;
              }
              return { count, width: picture.width };
            """),
            Convert.ToBase64String(bytes));

        Assert.Equal(0, inked.GetProperty("count").GetInt32());
        session.AssertClean();
    }
}
