using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>The explorer in real Chromium, straight from the service and through the web frontend's proxy.</summary>
[Collection("app")]
public sealed class ExplorerBrowserTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public async Task The_explorer_opens_with_examples_and_runs_a_query(string resource)
    {
        await using var session = await browser.OpenAsync(app.CreateHttpClient(resource).BaseAddress!);
        var page = session.Page;

        await page.GotoAsync(session.Url("/graphql"));
        foreach (var tab in new[] { "GenreTrends", "ActionVersusComedy", "Popularity", "Genres", "Catalog" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToBeVisibleAsync();
        }

        await page.Locator(".graphiql-execute-button").ClickAsync();

        var expectedTotal2000 = RawTmdbData.Dated.Count(movie => movie.Year == 2000);
        var result = page.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync("\"genreTrends\"");
        await Assertions.Expect(result).ToContainTextAsync(new Regex($"\"totals\":\\s*\\[\\s*{expectedTotal2000},"));
        session.AssertClean();
    }
}
