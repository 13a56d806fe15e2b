using System.Globalization;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Long ranges are drawn in groups of years (5, 10 or 25 per bar) once there are more than 40 years; the
/// expected sums come from the raw CSV, grouped here on multiples of the group size.
/// </summary>
[Collection("app")]
public sealed class LongRangeTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task The_whole_catalog_is_drawn_in_5_year_bars_whose_counts_are_the_sums_of_the_raw_data()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var (first, last) = (oracle.FirstYear, oracle.LastYear);
        var expected = Grouped(oracle.GenreTrends(first, last), 5);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=trends&from={first}&to={last}&mode=counts&display=chart");

        var chart = await page.TrendsChartAsync();
        Assert.Equal(5, chart.GroupSize);
        Assert.Equal(expected.Labels, chart.Labels);
        Assert.Equal("1916–1919", chart.Labels[0]);
        Assert.Equal("2015–2017", chart.Labels[^1]);
        Assert.InRange(chart.Labels.Length, 2, 40);
        Assert.Equal(expected.Counts.Keys.Order(StringComparer.Ordinal), chart.Datasets.Select(d => d.Label).Order(StringComparer.Ordinal));
        foreach (var drawn in chart.Datasets)
        {
            Assert.Equal(expected.Counts[drawn.Label].Select(count => (double)count), drawn.Data);
        }

        await Expect(page.Page.Locator("#trends-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"^Movies per genre per 5 years, {first}–{last}:"));
        session.AssertClean();
    }

    [Fact]
    public async Task The_table_and_the_CSV_list_the_same_year_groups_with_the_distinct_movies_of_each()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var (first, last) = (oracle.FirstYear, oracle.LastYear);
        var expected = Grouped(oracle.GenreTrends(first, last), 5);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync($"?view=trends&from={first}&to={last}&mode=counts&display=table");

        var table = await page.TableAsync();
        var genres = table[0][1..^1];
        Assert.Equal("Years (groups of 5)", table[0][0]);
        Assert.Equal(expected.Labels.Length, table.Length - 1);
        for (var i = 0; i < expected.Labels.Length; i++)
        {
            Assert.Equal([expected.Labels[i], .. genres.Select(g => Counted(expected.Counts[g][i])), Counted(expected.Totals[i])], table[i + 1]);
        }

        Assert.Equal(oracle.Dated.Count, expected.Totals.Sum());
        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(string.Join(',', ["First year", "Last year", .. genres, "Movies (distinct)"]), lines[0]);
        for (var i = 0; i < expected.Labels.Length; i++)
        {
            var (groupFirst, groupLast) = expected.Spans[i];
            Assert.Equal(string.Join(',', [Invariant(groupFirst), Invariant(groupLast), .. genres.Select(g => Invariant(expected.Counts[g][i])), Invariant(expected.Totals[i])]), lines[i + 1]);
        }

        session.AssertClean();
    }

    [Fact]
    public async Task Share_of_a_year_group_stacks_to_100_percent_of_its_genre_assignments()
    {
        var oracle = DatasetOracle.Tmdb5000;
        var expected = Grouped(oracle.GenreTrends(oracle.FirstYear, oracle.LastYear), 5);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=trends&from={oracle.FirstYear}&to={oracle.LastYear}&mode=share&display=chart");

        var chart = await page.TrendsChartAsync();
        for (var i = 0; i < chart.Labels.Length; i++)
        {
            var assignments = expected.Counts.Values.Sum(counts => counts[i]);
            foreach (var drawn in chart.Datasets)
            {
                var share = assignments == 0 ? 0 : 100.0 * expected.Counts[drawn.Label][i] / assignments;
                Assert.Equal(share, drawn.Data[i], 0.006);
            }

            if (assignments > 0) Assert.Equal(100, chart.Datasets.Sum(d => d.Data[i]), 0.05);
        }

        session.AssertClean();
    }

    [Theory]
    [InlineData(1977, 2016)]
    [InlineData(1990, 2016)]
    [InlineData(2000, 2010)]
    public async Task Ranges_of_40_years_or_fewer_keep_one_bar_per_year(int from, int to)
    {
        var expected = DatasetOracle.Tmdb5000.GenreTrends(from, to);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=trends&from={from}&to={to}&mode=counts&display=chart");

        var chart = await page.TrendsChartAsync();
        Assert.Equal(1, chart.GroupSize);
        Assert.Equal(expected.Years.Select(Invariant), chart.Labels);
        foreach (var drawn in chart.Datasets)
        {
            Assert.Equal(expected[drawn.Label].Counts.Select(count => (double)count), drawn.Data);
        }

        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();
        Assert.Equal("Year", (await page.TableAsync())[0][0]);
        session.AssertClean();
    }

    [Fact]
    public async Task Forty_one_years_are_grouped()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1976&to=2016&mode=counts&display=chart");

        var chart = await page.TrendsChartAsync();
        Assert.Equal(5, chart.GroupSize);
        Assert.Equal(["1976–1979", "1980–1984"], chart.Labels[..2]);
        Assert.Equal("2015–2016", chart.Labels[^1]);
        session.AssertClean();
    }

    /// <summary>The oracle's yearly answer summed into groups aligned on multiples of <paramref name="size"/>.</summary>
    private static GroupedTrends Grouped(OracleTrends trends, int size)
    {
        var groups = trends.Years.Select((year, index) => (year, index)).GroupBy(pair => pair.year / size).ToArray();
        var spans = groups.Select(g => (First: g.First().year, Last: g.Last().year)).ToArray();
        return new GroupedTrends(
            [.. spans.Select(span => span.First == span.Last ? Invariant(span.First) : $"{Invariant(span.First)}–{Invariant(span.Last)}")],
            spans,
            [.. groups.Select(g => g.Sum(pair => trends.Totals[pair.index]))],
            trends.Series.ToDictionary(s => s.Genre, s => groups.Select(g => g.Sum(pair => s.Counts[pair.index])).ToArray()));
    }

    // The page formats counts for English ("1,234"), which the invariant culture matches.
    private static string Counted(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record GroupedTrends(string[] Labels, (int First, int Last)[] Spans, int[] Totals, Dictionary<string, int[]> Counts);
}
