using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// In the dark theme every genre's colour stands out from the page's background by at least 3:1 (WCAG's bar for
/// the parts of a chart), in the legend as in the chart's lines.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DarkThemeColoursTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task Every_genre_colour_stands_out_from_the_dark_background_by_three_to_one()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop(ColorScheme.Dark));
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1990&to=2016");
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");

        var contrasts = await page.Page.EvaluateAsync<GenreContrast[]>("""
            () => {
              const rgb = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
              const luminance = (color) => {
                const [r, g, b] = rgb(color).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
              };
              const background = luminance(getComputedStyle(document.body).backgroundColor);
              return [...document.querySelectorAll('#trends-legend .legend-item')].map((item) => {
                const swatch = luminance(getComputedStyle(item.querySelector('.swatch')).backgroundColor);
                const [light, dark] = [Math.max(swatch, background), Math.min(swatch, background)];
                return { genre: item.querySelector('button').textContent, contrast: (light + 0.05) / (dark + 0.05) };
              });
            }
            """);

        Assert.Equal(20, contrasts.Length);
        Assert.All(contrasts, genre => Assert.True(genre.Contrast >= 3, $"{genre.Genre}: {genre.Contrast:F2}:1 on the dark background"));
        session.AssertClean();
    }

    private sealed class GenreContrast
    {
        public string Genre { get; set; } = "";

        public double Contrast { get; set; }
    }
}
