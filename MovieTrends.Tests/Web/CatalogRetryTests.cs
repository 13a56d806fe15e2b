using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The catalog (datasets, genres, year bounds) answered with a wait (503 SERVER_BUSY or DATA_LOADING) is asked for
/// again like a view's data, without holding the first chart back; the page takes it when it comes, and when the
/// automatic tries are spent it says so and offers to ask again. So is the default dataset's catalog that a link to an
/// unknown dataset falls back on.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CatalogRetryTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Datasets = "#dataset option";

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_busy_catalog_is_asked_for_again_while_the_chart_is_shown_and_the_page_takes_it_when_it_comes()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var catalog = await WaitingCatalog.RouteAsync(page.Page, GraphQLRoute.ServerBusy);

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        var status = page.Page.Locator("#catalog-status");
        await Expect(status).ToHaveTextAsync("The service is busy answering other requests; asking for the catalog (datasets, genres and year bounds) again in 1 s.");
        // The first chart does not wait for the catalog.
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(11, (await page.TrendsChartAsync()).Labels.Length);
        await Expect(page.Page.Locator(Datasets)).ToHaveCountAsync(0);

        catalog.Answer();

        await Expect(page.Page.Locator("#catalog-notice")).ToHaveCountAsync(0);
        await AssertCatalogTakenAsync(page, oracle);
        Assert.InRange(catalog.Asked, 2, GraphQLRoute.AutomaticRetries + 1);
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_catalog_still_loading_after_every_automatic_try_is_said_so_and_its_own_Retry_loads_it()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var catalog = await WaitingCatalog.RouteAsync(page.Page, GraphQLRoute.DataLoading);

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        var status = page.Page.Locator("#catalog-status");
        var retry = page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry the catalog", Exact = true });
        await Expect(status).ToHaveTextAsync(
            "The server is still loading the dataset tmdb-5000. Press Retry the catalog to try again. Until then there is no dataset switcher, genre list or year bounds.",
            new() { Timeout = 30_000 });
        await Expect(retry).ToBeVisibleAsync();
        // The boot script's request, then the page's automatic tries.
        Assert.Equal(1 + GraphQLRoute.AutomaticRetries, catalog.Asked);
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        await AxeAssert.NoViolationAsync(page.Page);

        catalog.Answer();
        await retry.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Page.Locator("#catalog-notice")).ToHaveCountAsync(0);
        await AssertCatalogTakenAsync(page, oracle);
        // The focus is not dropped on the page's body: it moves to the dataset switcher the catalog brought.
        await Expect(page.Page.Locator("#dataset")).ToBeFocusedAsync();
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_an_unknown_dataset_whose_fallback_catalog_is_busy_asks_for_it_again_and_still_names_the_link()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        // The linked dataset's catalog is refused (UNKNOWN_DATASET); the default one, asked for instead, is busy.
        var catalog = await WaitingCatalog.RouteAsync(page.Page, GraphQLRoute.ServerBusy, passing: "nope");

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010&dataset=nope"));

        await Expect(page.Page.Locator("#catalog-status")).ToHaveTextAsync(
            "The service is busy answering other requests; asking for the catalog (datasets, genres and year bounds) again in 1 s.");
        var linkProblem = page.Page.Locator("#trends-status");
        await Expect(linkProblem).ToContainTextAsync("Unknown dataset 'nope'");
        await Expect(page.Page.Locator(Datasets)).ToHaveCountAsync(0);

        catalog.Answer();

        await Expect(page.Page.Locator("#catalog-notice")).ToHaveCountAsync(0);
        await AssertCatalogTakenAsync(page, oracle);
        await Expect(linkProblem).ToContainTextAsync("Unknown dataset 'nope'");
        Assert.InRange(catalog.Asked, 2, GraphQLRoute.AutomaticRetries + 1);
        // The refused link (400) and the busy answers (503) are the browser's own console errors.
        Assert.All(session.ConsoleErrors, message => Assert.Matches("400|503", message));
    }

    [Fact]
    public async Task A_link_to_an_unknown_dataset_found_out_only_after_the_service_was_busy_still_gets_the_default_catalog()
    {
        var oracle = DatasetOracle.Tmdb5000;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        // A busy service answers before it looks at the dataset: the link's catalog is a wait first, then refused.
        var catalog = await WaitingCatalog.RouteAsync(page.Page, GraphQLRoute.ServerBusy);

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010&dataset=nope"));

        await Expect(page.Page.Locator("#catalog-status")).ToContainTextAsync("The service is busy answering other requests");
        catalog.Answer();

        await Expect(page.Page.Locator("#catalog-notice")).ToHaveCountAsync(0);
        await AssertCatalogTakenAsync(page, oracle);
        await Expect(page.Page.Locator("#trends-status")).ToContainTextAsync("The link's dataset cannot be shown: Unknown dataset 'nope'.");
        Assert.All(session.ConsoleErrors, message => Assert.Matches("400|503", message));
    }

    /// <summary>The dataset switcher, the genre picker and the years' bounds follow the catalog that came late.</summary>
    private static async Task AssertCatalogTakenAsync(MovieTrendsPage page, DatasetOracle oracle)
    {
        await Expect(page.Page.Locator(Datasets)).ToHaveCountAsync(3);
        await Expect(page.Page.Locator("#dataset")).ToHaveValueAsync("tmdb-5000");
        await Expect(page.Page.Locator("#genre-options input")).ToHaveCountAsync(oracle.Genres.Count);
        await Expect(page.Page.Locator("#genre-options input:checked")).ToHaveCountAsync(oracle.Genres.Count);
        await Expect(page.Page.Locator("#trends-from")).ToHaveAttributeAsync("min", oracle.FirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator("#trends-to")).ToHaveAttributeAsync("max", oracle.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
