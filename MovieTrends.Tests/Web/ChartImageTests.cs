using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The PNG download stands on its own: a title and range above the chart, the legend and the source below.
/// The image is decoded in the browser and its bands read pixel by pixel.
/// </summary>
[Collection("app")]
public sealed class ChartImageTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task The_PNG_has_a_title_band_the_chart_a_legend_with_every_genre_colour_and_a_source_line()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Comedy,Horror");
        var chart = await page.TrendsChartAsync();

        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync());
        var png = Convert.ToBase64String(await File.ReadAllBytesAsync((await download.PathAsync())!));

        var bands = await page.Page.EvaluateAsync<JsonElement>(
            PngInPage.Script("{ png, colors }", """
              const chart = document.getElementById('trends-chart');
              const picture = await decodePng(png);
              const { pixels, background } = picture;
              const inked = (from, to) => {
                let count = 0;
                for (let y = from; y < to; y++) for (let x = 0; x < picture.width; x++) {
                  const i = (y * picture.width + x) * 4;
                  if (Math.abs(pixels[i] - background[0]) + Math.abs(pixels[i + 1] - background[1]) + Math.abs(pixels[i + 2] - background[2]) > 200) count++;
                }
                return count;
              };
              const rgb = (css) => { const c = document.createElement('canvas').getContext('2d'); c.fillStyle = css; c.fillRect(0, 0, 1, 1); return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
              // The chart is drawn under a 64 px title band; the legend and the source follow it.
              const chartEnd = Math.round(64 * devicePixelRatio) + chart.height;
              const found = colors.map((css) => {
                const [r, g, b] = rgb(css);
                for (let i = 0; i < pixels.length; i += 4) {
                  const y = Math.floor(i / 4 / picture.width);
                  if (y < chartEnd) continue;
                  if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) return true;
                }
                return false;
              });
              return {
                width: picture.width, height: picture.height, chartHeight: chart.height,
                titleInk: inked(0, Math.round(40 * devicePixelRatio)),
                sourceInk: inked(picture.height - Math.round(36 * devicePixelRatio), picture.height),
                legendColours: found,
              };
            """),
            new { png, colors = chart.Datasets.Select(d => GenreColor(d.Label)).ToArray() });

        var image = bands.Deserialize<ImageBands>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(image.Height >= image.ChartHeight + 100, $"The image is {image.Height} px tall for a {image.ChartHeight} px chart: no room for title, legend and source.");
        Assert.True(image.TitleInk > 200, $"The title band has {image.TitleInk} inked pixels.");
        Assert.True(image.SourceInk > 200, $"The source line has {image.SourceInk} inked pixels.");
        Assert.Equal(chart.Datasets.Select(_ => true), image.LegendColours);
        Assert.Equal(3, chart.Datasets.Length);
        session.AssertClean();
    }

    // The page's fixed genre colours (js/genre-colors.js), for the three genres the test picks.
    private static string GenreColor(string genre) => genre switch
    {
        "Drama" => "#0072B2",
        "Comedy" => "#E69F00",
        "Horror" => "#882255",
        _ => throw new ArgumentOutOfRangeException(nameof(genre), genre, "Add its colour."),
    };

    private sealed record ImageBands(int Width, int Height, int ChartHeight, int TitleInk, int SourceInk, bool[] LegendColours);
}
