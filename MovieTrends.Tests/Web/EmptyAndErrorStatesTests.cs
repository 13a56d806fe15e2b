using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>Empty results and errors say what the catalog covers, and a failed request can be retried.</summary>
[Collection("app")]
public sealed class EmptyAndErrorStatesTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    private static readonly int FirstYear = RawTmdbData.Dated.Min(movie => movie.Year!.Value);

    private static readonly int LastYear = RawTmdbData.Dated.Max(movie => movie.Year!.Value);

    [Fact]
    public async Task An_empty_year_says_which_years_the_catalog_covers()
    {
        var ofFirstYear = RawTmdbData.Dated.Where(movie => movie.Year == FirstYear).SelectMany(movie => movie.Genres).ToHashSet();
        var absent = RawTmdbData.Dated.SelectMany(movie => movie.Genres).Distinct().Order(StringComparer.Ordinal).First(genre => !ofFirstYear.Contains(genre));
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync($"?view=trends&from={FirstYear}&to={FirstYear}&genres={Uri.EscapeDataString(absent)}");

        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "empty");
        var status = page.Page.Locator("#trends-status");
        await Expect(status).ToContainTextAsync($"released in {FirstYear}.");
        await Expect(status).ToContainTextAsync($"The catalog covers {FirstYear}–{LastYear}.");
        session.AssertClean();
    }

    [Fact]
    public async Task A_year_outside_the_catalog_names_the_catalog_years_not_the_API_limits()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);

        await page.OpenAsync("?view=popularity&year=1700");

        var error = page.Page.Locator("#popularity-error");
        await Expect(error).ToHaveAttributeAsync("data-code", "YEAR_OUT_OF_RANGE");
        await Expect(error).ToContainTextAsync($"from {FirstYear} to {LastYear}");
        await Expect(error).Not.ToContainTextAsync("1800");
        session.AssertClean();
    }

    [Fact]
    public async Task After_a_network_error_Retry_loads_the_chart()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.Page.RouteAsync(GraphQLRoute.Url, route => IsTrends(route.Request) ? route.AbortAsync("connectionreset") : route.ContinueAsync());

        await page.OpenAsync("?view=trends&from=2000&to=2010");

        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "error");
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync("could not be reached");
        var retry = page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true });
        await page.Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await retry.ClickAsync();

        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await Expect(retry).ToBeHiddenAsync();
        Assert.Equal(11, (await page.TrendsChartAsync()).Labels.Length);
        // The browser logs the dropped connection itself; nothing else may be logged.
        Assert.All(session.ConsoleErrors, message => Assert.Contains("ERR_CONNECTION_RESET", message, StringComparison.Ordinal));
        Assert.Empty(session.ForeignRequests);
    }

    private static bool IsTrends(IRequest request) => GraphQLRoute.Carries(request, "query GenreTrends");
}
