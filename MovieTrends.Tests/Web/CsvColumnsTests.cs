using System.Globalization;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.Web;

/// <summary>
/// A downloaded CSV read on its own says what its numbers are: a value column names its measure and unit, a share
/// column what it is a share of. The number-of-movies CSV keeps its plain genre columns.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CsvColumnsTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_measure_CSV_names_the_measure_and_its_unit_in_each_value_column_beside_the_raw_CSVs_values()
    {
        var expected = DatasetOracle.Tmdb5000.GenreTrends(1990, 2016, ["Drama", "Documentary"], OracleMeasure.MedianBudget);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=1990&to=2016&genres=Drama,Documentary&measure=MEDIAN_BUDGET");
        var genres = (await page.MeasureChartAsync()).Datasets.Select(d => d.Label).ToArray();

        var lines = await DownloadCsvAsync(page);

        // The header's comma is inside quotes, as CSV has it.
        Assert.Equal(string.Join(',', [
            "Year",
            .. genres.Select(g => $"\"{g} (median budget, US$)\""),
            .. genres.Select(g => $"{g} (movies with a value)"),
            "Movies (distinct)"]), lines[0]);
        for (var g = 0; g < genres.Length; g++)
        {
            var column = lines.Skip(1).Select(line => line.Split(',')[g + 1]).Select(cell => cell.Length == 0 ? (double?)null : double.Parse(cell, CultureInfo.InvariantCulture)).ToArray();
            AnalystAssert.Values(expected[genres[g]].Values, column);
        }

        session.AssertClean();
    }

    [Theory]
    [InlineData("", "% of the year’s genre assignments")]
    [InlineData("&genres=Drama,Comedy", "% of the year’s movies")]
    public async Task A_share_CSV_says_what_each_genres_share_is_of(string genres, string unit)
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync($"?view=trends&from=2000&to=2010&mode=share{genres}");
        var chart = await page.TrendsChartAsync();

        var lines = await DownloadCsvAsync(page);

        Assert.Equal(string.Join(',', ["Year", .. chart.Datasets.Select(d => $"{d.Label} ({unit})"), "Movies (distinct)"]), lines[0]);
        session.AssertClean();
    }

    private static async Task<string[]> DownloadCsvAsync(MovieTrendsPage page)
    {
        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        return await File.ReadAllLinesAsync((await download.PathAsync())!);
    }
}
