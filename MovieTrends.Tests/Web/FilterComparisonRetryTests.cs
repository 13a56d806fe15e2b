using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The pinned second filter's own request is waited out when the service asks for a wait (503 SERVER_BUSY) and,
/// when it fails otherwise, can be asked again with a button of its own, from the keyboard.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FilterComparisonRetryTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // English Drama and Comedy on the chart; French Drama pinned as the second filter.
    private const string Pinned = "?view=trends&from=2000&to=2010&genres=Drama,Comedy&lang=en&versus=Drama&versusLang=fr";

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_busy_service_under_the_second_filter_is_waited_out_and_the_comparison_comes_by_itself()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            IsSecondFilter(route.Request) && Interlocked.Increment(ref asked) == 1
                ? GraphQLRoute.UnavailableAsync(route, retryAfterSeconds: 1, GraphQLRoute.ServerBusy)
                : route.ContinueAsync());

        await page.Page.GotoAsync(session.Url("/" + Pinned));

        await Expect(page.Page.Locator("#versus-status")).ToHaveTextAsync("The service is busy answering other requests; retrying in 1 s.");
        await AssertFrenchDramaAsync(page);
        Assert.Equal(2, asked);
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_filter_whose_request_failed_is_asked_again_with_its_own_Retry_from_the_keyboard()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            IsSecondFilter(route.Request) && Interlocked.Increment(ref asked) == 1 ? route.AbortAsync() : route.ContinueAsync());

        await page.OpenAsync(Pinned);

        await Expect(page.Page.Locator("#versus-error")).ToContainTextAsync("The server could not be reached.");
        var retry = page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry the comparison", Exact = true });
        await Expect(retry).ToBeVisibleAsync();
        await AxeAssert.NoViolationAsync(page.Page);
        await retry.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await AssertFrenchDramaAsync(page);
        await Expect(retry).ToBeHiddenAsync();
        // The focus is not dropped on the page's body: it moves to the comparison it brought.
        await Expect(page.Page.Locator("#versus-table")).ToBeFocusedAsync();
        await Expect(page.Page.Locator("#versus-error")).ToBeHiddenAsync();
        Assert.Equal(2, asked);
    }

    private static bool IsSecondFilter(IRequest request) =>
        GraphQLRoute.Carries(request, "query GenreTrends") && GraphQLRoute.Carries(request, "\"languages\":[\"fr\"]");

    private static async Task AssertFrenchDramaAsync(MovieTrendsPage page)
    {
        var french = DatasetOracle.Tmdb5000.GenreTrends(2000, 2010, ["Drama"], filter: new OracleFilter(Languages: ["fr"]));
        await Expect(page.Page.Locator("#versus-figure")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("French"));
        var chart = await page.MeasureChartAsync("#versus-figure");
        Assert.Equal("Drama · French", chart.Datasets[1].Label);
        Assert.Equal(french["Drama"].Counts.Select(c => (double?)c), chart.Datasets[1].Data);
        await Expect(page.Page.Locator("#versus-status")).ToContainTextAsync($"Drama · French: {french["Drama"].Counts.Sum():N0} movies");
    }
}
