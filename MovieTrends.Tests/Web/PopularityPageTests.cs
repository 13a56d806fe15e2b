using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

[Collection("app")]
public sealed partial class PopularityPageTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task In_2010_Inception_is_the_first_green_bar_and_the_bottom_five_are_red()
    {
        var ofYear = RawTmdbData.Dated.Where(movie => movie.Year == 2010).ToArray();
        var top = ofYear.OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(5).ToArray();
        var bottom = ofYear.OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(5).ToArray();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=2010");

        var green = await page.BarsChartAsync("top");
        Assert.Equal("Inception", green.Labels[0]);
        Assert.Equal(top.Select(movie => movie.Title), green.Labels);
        Assert.Equal(top.Select(movie => movie.Popularity), green.Data);
        Assert.True(IsGreen(green.Color), $"Top bars are {green.Color}, not green.");
        var red = await page.BarsChartAsync("bottom");
        Assert.Equal(bottom.Select(movie => movie.Title), red.Labels);
        Assert.True(IsRed(red.Color), $"Bottom bars are {red.Color}, not red.");
        await Expect(page.Page.Locator("#popularity-status")).ToHaveTextAsync($"2010: {ofYear.Length} movies.");
        session.AssertClean();
    }

    [Fact]
    public async Task Clicking_the_first_bar_shows_the_movie_and_puts_it_in_the_link()
    {
        var inception = RawTmdbData.Dated.Single(movie => movie.Title == "Inception");
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");

        await page.InteractiveChartAsync("top-chart");
        var bar = await page.Page.EvaluateAsync<double[]>(
            "() => { const bar = Chart.getChart('top-chart').getDatasetMeta(0).data[0]; return [bar.x - 5, bar.y]; }");
        await page.Page.Locator("#top-chart").ClickAsync(new() { Position = new() { X = (float)bar[0], Y = (float)bar[1] } });

        var details = page.MovieDetails;
        await Expect(details).ToBeVisibleAsync();
        await Expect(details.Locator("h3")).ToHaveTextAsync("Inception");
        await Expect(details).ToContainTextAsync("July 14, 2010");
        var genres = await details.Locator("dt:text-is('Genres') + dd").InnerTextAsync();
        Assert.Equal(inception.Genres.Order(StringComparer.Ordinal), genres.Split(", ").Order(StringComparer.Ordinal));
        await Expect(details).ToContainTextAsync($"{inception.VoteCount!.Value.ToString("N0", CultureInfo.InvariantCulture)} votes");
        await Expect(details).ToContainTextAsync(inception.Overview![..40]);
        await Expect(details.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"https://www.themoviedb.org/movie/{inception.Id}");
        Assert.Contains($"movie={inception.Id}", page.Page.Url, StringComparison.Ordinal);
        session.AssertClean();
    }

    [Fact]
    public async Task A_title_in_the_list_opens_the_same_details_from_the_keyboard()
    {
        var least = RawTmdbData.Dated.Where(movie => movie.Year == 2010).OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).First();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");

        var title = page.Page.Locator("#bottom-list button").First;
        await title.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.MovieDetails.Locator("h3")).ToHaveTextAsync(least.Title);
        await Expect(title).ToHaveAttributeAsync("aria-pressed", "true");
        session.AssertClean();
    }

    [Fact]
    public async Task A_year_outside_the_API_window_shows_its_error_inline()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");

        await page.Page.GetByLabel("Year", new() { Exact = true }).FillAsync("1700");
        await page.Page.GetByLabel("Year", new() { Exact = true }).PressAsync("Enter");

        var error = page.Page.Locator("#popularity-error");
        await Expect(error).ToHaveAttributeAsync("data-code", "YEAR_OUT_OF_RANGE");
        await Expect(error).ToContainTextAsync($"from {RawTmdbData.Dated.Min(movie => movie.Year)} to {RawTmdbData.Dated.Max(movie => movie.Year)}");
        await Expect(page.Page.Locator("#top-chart")).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_year_without_movies_says_so_instead_of_drawing_empty_charts()
    {
        Assert.DoesNotContain(RawTmdbData.Dated, movie => movie.Year == 1850);
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=1850");

        await Expect(page.PopularityResult).ToHaveAttributeAsync("data-state", "empty");
        await Expect(page.Page.Locator("#popularity-status")).ToHaveTextAsync($"No dated movies were released in 1850. The catalog covers {RawTmdbData.Dated.Min(movie => movie.Year)}–{RawTmdbData.Dated.Max(movie => movie.Year)}.");
        await Expect(page.Page.Locator("#top-chart")).ToBeHiddenAsync();
        session.AssertClean();
    }

    private static bool IsGreen(string hex) => Rgb(hex) is var (r, g, b) && g > r + 40 && g > b + 40;

    private static bool IsRed(string hex) => Rgb(hex) is var (r, g, b) && r > g + 40 && r > b + 40;

    private static (int R, int G, int B) Rgb(string hex)
    {
        Assert.Matches(HexColor(), hex);
        int Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (Channel(1), Channel(3), Channel(5));
    }

    [Fact]
    public async Task A_year_with_one_movie_says_1_movie()
    {
        var year = RawTmdbData.Dated.GroupBy(movie => movie.Year!.Value).Where(g => g.Count() == 1).Select(g => g.Key).Min();
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=popularity&year={year}");

        await Expect(page.Page.Locator("#popularity-status")).ToHaveTextAsync($"{year}: 1 movie.");
        session.AssertClean();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
