using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// A bar, a legend entry or a table cell opens the movies behind it, with the view's filter: the list, its
/// count, its orders and its pages against the raw CSV; by mouse and by keyboard, in the link, Back closes it.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DrillDownTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_clicked_bar_lists_its_genre_and_year_with_the_filter_pages_on_and_sorts_by_title()
    {
        var filter = new OracleFilter(MinVotes: 50);
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Comedy&minVotes=50");

        await ClickBarAsync(page, "Drama", 4);

        var expected = oracle.MovieList(2004, 2004, "Drama", filter);
        Assert.True(expected.TotalCount > 20, "The year must need a second page.");
        await Expect(page.Page.Locator("#drill-title")).ToHaveTextAsync("Drama, 2004");
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("drill=Drama:2004-2004"));
        await Expect(page.Page.Locator("#drill-count")).ToContainTextAsync($"{expected.TotalCount} movies (filter: ≥ 50 votes); showing 20.");
        await AssertListAsync(page, expected.Movies.Take(20));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "More movies" }).ClickAsync();
        await AssertListAsync(page, expected.Movies.Take(40));

        await page.Page.GetByLabel("Sort by").SelectOptionAsync("TITLE_ASC");
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("order=TITLE_ASC"));
        await AssertListAsync(page, oracle.MovieList(2004, 2004, "Drama", filter, OracleOrder.TitleAsc).Movies.Take(20));

        var first = oracle.MovieList(2004, 2004, "Drama", filter, OracleOrder.TitleAsc).Movies[0];
        await page.Page.Locator("#drill-list button").First.ClickAsync();
        await Expect(page.Page.Locator("#drill-details h4")).ToHaveTextAsync(first.Title);
        await Expect(page.Page.Locator("#drill-details a")).ToHaveAttributeAsync("href", $"https://www.themoviedb.org/movie/{first.Id}");

        await page.Page.GoBackAsync();
        await page.Page.GoBackAsync();
        await page.Page.GoBackAsync();
        await Expect(page.Page.Locator("#drill")).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Enter_on_the_focused_bar_opens_its_list_and_Escape_closes_it_returning_focus()
    {
        var expected = DatasetOracle.Tmdb5000.MovieList(2001, 2001, "Comedy");
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama,Comedy");
        var canvas = page.Page.Locator("#trends-chart");

        await canvas.FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await page.Page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.Page.Locator("#trends-focus-note")).ToContainTextAsync("Comedy, 2001");
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Page.Locator("#drill-title")).ToHaveTextAsync("Comedy, 2001");
        await Expect(page.Page.Locator("#drill")).ToBeFocusedAsync();
        await Expect(page.Page.Locator("#drill-count")).ToContainTextAsync($"{expected.TotalCount} movies");
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(page.Page.Locator("#drill")).ToBeHiddenAsync();
        await Expect(canvas).ToBeFocusedAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_table_cell_of_a_year_group_and_a_legend_entry_open_their_movies()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync($"?view=trends&from={oracle.FirstYear}&to={oracle.LastYear}&display=table");

        // The second row is 1920–1924; its first data cell is the commonest genre's.
        var table = await page.TableAsync();
        var genre = table[0][1];
        await page.Page.Locator("#trends-data-table tbody tr").Nth(1).Locator("td").First.ClickAsync();
        await Expect(page.Page.Locator("#drill-title")).ToHaveTextAsync($"{genre}, 1920–1924");
        await Expect(page.Page.Locator("#drill-count")).ToContainTextAsync($"{oracle.MovieList(1920, 1924, genre).TotalCount} movies");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"List {genre} movies, {oracle.FirstYear}–{oracle.LastYear}" }).ClickAsync();
        await Expect(page.Page.Locator("#drill-title")).ToHaveTextAsync($"{genre}, {oracle.FirstYear}–{oracle.LastYear}");
        await Expect(page.Page.Locator("#drill-count")).ToContainTextAsync($"{oracle.MovieList(oracle.FirstYear, oracle.LastYear, genre).TotalCount:N0} movies");
        session.AssertClean();
    }

    [Fact]
    public async Task A_bar_of_the_painted_first_chart_lists_its_movies_before_the_chart_library_exists()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&genres=Drama");

        // Clicks with no pointer moving in first (as from a tap), up the middle of the chart until one lands on a bar.
        var outcome = await session.Page.EvaluateAsync<string[]>(
            """
            () => {
              const library = String('Chart' in window);
              const canvas = document.getElementById('trends-chart');
              const { left, top, width, height } = canvas.getBoundingClientRect();
              for (let y = height * 0.95; y > 0 && !location.search.includes('drill='); y -= 4) {
                canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: left + width / 2, clientY: top + y }));
              }
              return [library, new URLSearchParams(location.search).get('drill') ?? ''];
            }
            """);

        Assert.Equal("false", outcome[0]);
        var match = System.Text.RegularExpressions.Regex.Match(outcome[1], "^Drama:(\\d{4})-(\\d{4})$");
        Assert.True(match.Success, $"No bar opened its movies (drill '{outcome[1]}').");
        var year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(year, 2000, 2010);
        await Expect(page.Page.Locator("#drill-title")).ToHaveTextAsync($"Drama, {year}");
        await Expect(page.Page.Locator("#drill-count")).ToContainTextAsync($"{oracle.MovieList(year, year, "Drama").TotalCount} movies");
        session.AssertClean();
    }

    private static async Task ClickBarAsync(MovieTrendsPage page, string genre, int index)
    {
        await page.InteractiveChartAsync("trends-chart");
        var point = await page.Page.EvaluateAsync<double[]>(
            @"([genre, index]) => {
                const chart = window.Chart.getChart(document.getElementById('trends-chart'));
                const dataset = chart.data.datasets.findIndex((d) => d.label === genre);
                const { x, y } = chart.getDatasetMeta(dataset).data[index].getCenterPoint();
                return [x, y];
            }",
            new object[] { genre, index });
        await page.Page.Locator("#trends-chart").ClickAsync(new() { Position = new() { X = (float)point[0], Y = (float)point[1] } });
    }

    private static async Task AssertListAsync(MovieTrendsPage page, IEnumerable<RawTmdbMovie> expected)
    {
        var ids = expected.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var items = page.Page.Locator("#drill-list button");
        await Expect(items).ToHaveCountAsync(ids.Length);
        Assert.Equal(ids, await items.EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.movieId)"));
    }
}
