using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

[Collection("app")]
public sealed class GenreTrendsPageTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TrendsQuery = """
        query Trends($from: Int!, $to: Int!) {
          genreTrends(from: $from, to: $to) { years totals series { genre counts } }
        }
        """;

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;
    private readonly GraphQLTestClient _graphql = new(app.CreateHttpClient("graphql"));

    [Fact]
    public async Task The_chart_for_2000_to_2010_shows_exactly_the_numbers_the_API_returns()
    {
        var expected = (await _graphql.DataAsync(TrendsQuery, new { from = 2000, to = 2010 })).GetProperty("genreTrends");
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&mode=counts&display=chart");

        var chart = await page.TrendsChartAsync();
        Assert.Equal("counts", chart.Mode);
        Assert.Equal(expected.GetProperty("years").Ints().Select(Invariant), chart.Labels);
        var series = expected.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(series.Select(s => s.GetProperty("genre").GetString()), chart.Datasets.Select(d => d.Label));
        foreach (var (apiSeries, drawn) in series.Zip(chart.Datasets))
        {
            Assert.Equal(apiSeries.GetProperty("counts").Ints().Select(count => (double)count), drawn.Data);
        }

        session.AssertClean();
    }

    [Fact]
    public async Task The_table_view_lists_the_chart_numbers_and_each_year_total_from_the_raw_data()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var chart = await page.TrendsChartAsync();

        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();

        await Expect(page.Page.Locator("#trends-data-table")).ToBeVisibleAsync();
        await Expect(page.TrendsFigure).ToBeHiddenAsync();
        var table = await page.TableAsync();
        Assert.Equal(["Year", .. chart.Datasets.Select(d => d.Label), "Movies (distinct)"], table[0]);
        for (var i = 0; i < chart.Labels.Length; i++)
        {
            var year = int.Parse(chart.Labels[i], CultureInfo.InvariantCulture);
            var moviesOfYear = RawTmdbData.Dated.Count(movie => movie.Year == year);
            Assert.Equal([chart.Labels[i], .. chart.Datasets.Select(d => Counted(d.Data[i])), Counted(moviesOfYear)], table[i + 1]);
        }

        Assert.Contains("display=table", page.Page.Url, StringComparison.Ordinal);
        session.AssertClean();
    }

    [Fact]
    public async Task Share_mode_stacks_every_year_to_100_percent()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");

        await page.Page.GetByLabel("Share of year", new() { Exact = true }).CheckAsync();

        await Expect(page.TrendsFigure).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("\"mode\":\"share\""));
        var chart = await page.TrendsChartAsync();
        Assert.Equal(11, chart.Labels.Length);
        for (var i = 0; i < chart.Labels.Length; i++)
        {
            var sum = chart.Datasets.Sum(d => d.Data[i]);
            Assert.True(Math.Abs(sum - 100) < 0.05, $"{chart.Labels[i]} stacks to {sum} %, not 100 %.");
        }

        session.AssertClean();
    }

    [Fact]
    public async Task Without_parameters_the_page_shows_1990_to_2016_inside_the_catalog_years()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("");

        var from = page.Page.GetByLabel("From", new() { Exact = true });
        await Expect(from).ToHaveValueAsync("1990");
        await Expect(page.Page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("2016");
        var years = RawTmdbData.Dated.Select(movie => movie.Year!.Value).ToArray();
        await Expect(from).ToHaveAttributeAsync("min", Invariant(years.Min()));
        await Expect(from).ToHaveAttributeAsync("max", Invariant(years.Max()));
        Assert.Equal(27, (await page.TrendsChartAsync()).Labels.Length);
        session.AssertClean();
    }

    [Fact]
    public async Task A_shared_link_restores_the_same_view()
    {
        await using var first = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(first);
        await page.OpenAsync("");

        await page.Page.GetByLabel("From", new() { Exact = true }).FillAsync("1995");
        await page.Page.GetByLabel("To", new() { Exact = true }).FillAsync("2005");
        await page.Page.Locator("#genre-picker summary").ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "None", Exact = true }).ClickAsync();
        await page.Page.GetByLabel("Drama", new() { Exact = true }).CheckAsync();
        await page.Page.GetByLabel("Comedy", new() { Exact = true }).CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).First.ClickAsync();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync("1995–2005");
        await page.Page.GetByLabel("Share of year", new() { Exact = true }).CheckAsync();
        await page.Page.GetByLabel("Table", new() { Exact = true }).CheckAsync();
        var sharedLink = page.Page.Url;
        var table = await page.TableAsync();

        await using var second = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var restored = new MovieTrendsPage(second);
        await restored.Page.GotoAsync(sharedLink);
        await MovieTrendsPage.WaitForSettledAsync(restored.TrendsResult);

        await Expect(restored.Page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync("1995");
        await Expect(restored.Page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("2005");
        await Expect(restored.Page.GetByLabel("Share of year", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(restored.Page.GetByLabel("Table", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(restored.Page.Locator("#genre-summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2 of "));
        Assert.Equal(table, await restored.TableAsync());
        Assert.Equal(["Year", "Drama", "Comedy", "Movies (distinct)"], table[0]);
        first.AssertClean();
        second.AssertClean();
    }

    [Fact]
    public async Task A_reversed_range_shows_the_API_error_inline_and_no_chart()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        await Expect(page.TrendsFigure).ToBeVisibleAsync();

        await page.Page.GetByLabel("From", new() { Exact = true }).FillAsync("2012");
        await page.Page.GetByLabel("From", new() { Exact = true }).PressAsync("Enter");

        await Expect(page.TrendsError).ToBeVisibleAsync();
        await Expect(page.TrendsError).ToHaveAttributeAsync("data-code", "INVALID_RANGE");
        await Expect(page.TrendsError).ToContainTextAsync("start year must not be after the end year");
        await Expect(page.Page.GetByLabel("From", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.TrendsFigure).ToBeHiddenAsync();
        Assert.Null(await page.TrendsFigure.GetAttributeAsync("data-chart"));
        await Expect(page.Page.Locator("#trends-legend")).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_legend_button_hides_its_genre_from_the_keyboard()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var first = page.Page.Locator("#trends-legend button").First;
        var genre = await first.InnerTextAsync();

        await first.FocusAsync();
        await page.Page.Keyboard.PressAsync("Space");

        await Expect(first).ToHaveAttributeAsync("aria-pressed", "false");
        await page.InteractiveChartAsync("trends-chart");
        var visible = await page.Page.EvaluateAsync<bool>(
            "genre => { const chart = Chart.getChart('trends-chart'); return chart.isDatasetVisible(chart.data.datasets.findIndex(d => d.label === genre)); }",
            genre.Trim());
        Assert.False(visible);
        session.AssertClean();
    }

    [Fact]
    public async Task The_CSV_download_holds_the_numbers_on_screen()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var chart = await page.TrendsChartAsync();

        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());

        Assert.Equal("genre-trends-2000-2010-counts.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).ToArray();
        Assert.Equal(string.Join(',', ["Year", .. chart.Datasets.Select(d => d.Label), "Movies (distinct)"]), lines[0]);
        var totals = chart.Labels.Select(label => RawTmdbData.Dated.Count(movie => movie.Year == int.Parse(label, CultureInfo.InvariantCulture))).ToArray();
        for (var i = 0; i < chart.Labels.Length; i++)
        {
            Assert.Equal(string.Join(',', [chart.Labels[i], .. chart.Datasets.Select(d => Invariant(d.Data[i])), Invariant(totals[i])]), lines[i + 1]);
        }

        var png = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal("genre-trends-2000-2010-counts.png", png.SuggestedFilename);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        session.AssertClean();
    }

    [Fact]
    public async Task With_a_genre_subset_the_headline_counts_that_subset_not_the_whole_catalog()
    {
        string[] chosen = ["Horror", "War", "Western"];
        var inRange = RawTmdbData.Dated.Where(movie => movie.Year is >= 1970 and <= 2016).ToArray();
        var listings = inRange.Sum(movie => movie.Genres.Count(chosen.Contains));
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=1970&to=2016&genres=Horror,War,Western");

        var status = page.Page.Locator("#trends-status");
        await Expect(status).ToContainTextAsync($"3 chosen genres: {Counted(listings)} genre listings");
        await Expect(status).ToContainTextAsync($"out of {Counted(inRange.Length)} movies in all genres");
        await Expect(status).Not.ToContainTextAsync($"{Counted(inRange.Length)} movies, 3 genres");
        session.AssertClean();
    }

    [Fact]
    public async Task The_download_buttons_are_disabled_until_the_first_result_is_on_screen()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Every API request waits until the buttons have been checked: the page is in its first load.
        await page.Page.RouteAsync(GraphQLRoute.Url, async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var csv = page.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" });
        var png = page.Page.GetByRole(AriaRole.Button, new() { Name = "Download PNG" });

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        await Expect(csv).ToBeDisabledAsync();
        await Expect(png).ToBeDisabledAsync();
        release.SetResult();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await Expect(csv).ToBeEnabledAsync();
        await Expect(png).ToBeEnabledAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Share_mode_with_a_genre_subset_shows_each_genre_share_of_the_year_movies()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Horror,War,Western&mode=share");

        var chart = await page.TrendsChartAsync();
        Assert.Equal(["Horror", "War", "Western"], chart.Datasets.Select(d => d.Label).Order(StringComparer.Ordinal));
        for (var i = 0; i < chart.Labels.Length; i++)
        {
            var year = int.Parse(chart.Labels[i], CultureInfo.InvariantCulture);
            var ofYear = RawTmdbData.Dated.Where(movie => movie.Year == year).ToArray();
            foreach (var dataset in chart.Datasets)
            {
                var expected = 100.0 * ofYear.Count(movie => movie.Genres.Contains(dataset.Label)) / ofYear.Length;
                Assert.True(Math.Abs(dataset.Data[i] - expected) < 0.006, $"{dataset.Label} {year}: {dataset.Data[i]} %, expected {expected:F2} %.");
            }
        }

        await page.InteractiveChartAsync("trends-chart");
        var axisTitle = await page.Page.EvaluateAsync<string>("() => Chart.getChart('trends-chart').options.scales.y.title.text");
        Assert.Equal("Share of the year’s movies (%)", axisTitle);
        session.AssertClean();
    }

    [Fact]
    public async Task The_genre_picker_closes_on_Escape_and_on_a_click_outside_it()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var picker = page.Page.Locator("#genre-picker");
        var summary = picker.Locator("summary");

        await summary.ClickAsync();
        await Expect(picker).ToHaveAttributeAsync("open", "");
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(picker).Not.ToHaveAttributeAsync("open", "");
        await Expect(summary).ToBeFocusedAsync();

        await summary.ClickAsync();
        await Expect(picker).ToHaveAttributeAsync("open", "");
        await page.Page.Locator("h1").ClickAsync();
        await Expect(picker).Not.ToHaveAttributeAsync("open", "");
        session.AssertClean();
    }

    private static string Invariant<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Counted(double count) => ((int)count).ToString("N0", CultureInfo.InvariantCulture);
}
