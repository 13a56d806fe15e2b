using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// A service answering as many requests as it admits (503 SERVER_BUSY with Retry-After: 2; nothing was executed)
/// is a wait, not a failure: the trends view says the service is busy and when it asks again, and asks again by
/// itself; the drill-down list and the chat say so in words and can be asked again in place.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ServerBusyTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string BusyInWords = "The service is busy answering other requests; try again in 2 s.";

    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_busy_service_is_asked_again_by_itself_after_its_Retry_After_until_the_chart_comes()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            GraphQLRoute.Carries(route.Request, "query GenreTrends") && Interlocked.Increment(ref asked) <= 2 ? BusyAsync(route) : route.ContinueAsync());

        await page.Page.GotoAsync(session.Url("/?view=trends&from=2000&to=2010"));

        await Expect(page.Page.Locator("#trends-status")).ToHaveTextAsync("The service is busy answering other requests; retrying in 2 s.");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true })).ToBeVisibleAsync();
        await Expect(page.TrendsResult).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(3, asked);
        Assert.Equal(11, (await page.TrendsChartAsync()).Labels.Length);
        // The browser logs each 503 itself; nothing else may be logged.
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_busy_service_under_the_drill_down_is_said_in_words_and_the_list_loads_again_in_place()
    {
        var expected = DatasetOracle.Tmdb5000.MovieList(2004, 2004, "Drama");
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var asked = 0;
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            GraphQLRoute.Carries(route.Request, "query Movies") && Interlocked.Increment(ref asked) == 1 ? BusyAsync(route) : route.ContinueAsync());

        await page.OpenAsync("?view=trends&from=2000&to=2010&drill=Drama:2004-2004");

        var count = page.Page.Locator("#drill-count");
        await Expect(count).ToHaveTextAsync(BusyInWords);
        var again = page.Page.GetByRole(AriaRole.Button, new() { Name = "Load the movies again", Exact = true });
        await again.ClickAsync();

        await Expect(count).ToContainTextAsync($"{expected.TotalCount} movies; showing 20.");
        await Expect(again).ToBeHiddenAsync();
        await Expect(page.Page.Locator("#drill-list li")).ToHaveCountAsync(20);
        Assert.Equal(2, asked);
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_busy_service_under_the_chat_is_said_in_words_and_the_question_is_kept_to_send_again()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        await page.Page.RouteAsync(GraphQLRoute.Url, route =>
            GraphQLRoute.Carries(route.Request, "mutation Chat") ? BusyAsync(route) : route.ContinueAsync());

        var input = page.Page.GetByLabel("Your question", new() { Exact = true });
        await input.FillAsync("Which genre grew fastest?");
        await input.PressAsync("Enter");

        var error = page.Page.Locator("#chat-log .chat-message--error");
        await Expect(error).ToHaveAttributeAsync("data-code", "SERVER_BUSY");
        await Expect(error).ToContainTextAsync(BusyInWords);
        await Expect(input).ToBeEnabledAsync();
        await Expect(input).ToHaveValueAsync("Which genre grew fastest?");
        Assert.All(session.ConsoleErrors, message => Assert.Contains("503", message, StringComparison.Ordinal));
    }

    private static Task BusyAsync(IRoute route) => GraphQLRoute.UnavailableAsync(route, retryAfterSeconds: 2, GraphQLRoute.ServerBusy);
}
