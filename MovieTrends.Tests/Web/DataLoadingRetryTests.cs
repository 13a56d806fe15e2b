using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// A dataset the service is still loading (503 DATA_LOADING with a Retry-After) is shown as a wait, not a failure:
/// the page says so, asks again by itself after the server's Retry-After, keeps a Retry button at hand, and stops
/// asking by itself after a bounded number of tries.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DataLoadingRetryTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_dataset_still_loading_is_retried_by_itself_after_the_servers_Retry_After_until_the_chart_comes()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            IsTrends(route.Request) && Interlocked.Increment(ref asked) <= 2 ? StillLoadingAsync(route) : route.ContinueAsync());

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        var status = page.Page.Locator("#trends-status");
        await Expect(status).ToHaveTextAsync("The server is still loading the dataset tmdb-5000; retrying in 1 s.");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true })).ToBeVisibleAsync();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(3, asked);
        Assert.Equal(11, (await page.TrendsChartAsync()).Labels.Length);
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dataset_that_stays_loading_stops_being_retried_by_itself_and_Retry_still_loads_it()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
        {
            if (!IsTrends(route.Request))
            {
                return route.ContinueAsync();
            }

            Interlocked.Increment(ref asked);
            return StillLoadingAsync(route);
        });

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        var status = page.Page.Locator("#trends-status");
        await Expect(status).ToHaveTextAsync("The server is still loading the dataset tmdb-5000. Press Retry to try again.", new() { Timeout = 60_000 });
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "error");
        Assert.Equal(1 + GraphQLRoute.AutomaticRetries, asked);

        await page.Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(1 + GraphQLRoute.AutomaticRetries, asked);
    }

    private static Task StillLoadingAsync(IRoute route) => GraphQLRoute.UnavailableAsync(route, retryAfterSeconds: 1, GraphQLRoute.DataLoading);

    private static bool IsTrends(IRequest request) => GraphQLRoute.Carries(request, "query GenreTrends");
}
