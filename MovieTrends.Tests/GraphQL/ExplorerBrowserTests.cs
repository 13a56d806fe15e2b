using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>Both explorers in real Chromium, straight from the service and through the web frontend's proxy.</summary>
[Collection("app")]
public sealed class ExplorerBrowserTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public async Task Banana_Cake_Pop_opens_from_its_own_origin_and_runs_a_query(string resource)
    {
        await using var session = await browser.OpenAsync(app.CreateHttpClient(resource).BaseAddress!);
        var page = session.Page;
        var requests = new ConcurrentQueue<string>();
        session.Context.Request += (_, request) => requests.Enqueue(request.Url);

        await page.GotoAsync(session.Url("/graphql"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
        var request = page.Locator(".monaco-editor").First;
        await request.ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.InsertTextAsync("{ popularity(year: 2010, limit: 1) { movieCount } }");
        var expected = RawTmdbData.Dated.Count(movie => movie.Year == 2010);
        await RunUntilAnsweredAsync(page, new Regex($"\"movieCount\":\\s*{expected}\\b"));
        if (resource == "graphql")
        {
            await session.SaveScreenshotAsync("explorer-banana-cake-pop");
        }

        var origin = session.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        Assert.Contains(requests, url => url.EndsWith("/graphql/bcp-config.json", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.StartsWith(origin, url, StringComparison.Ordinal));
        session.AssertClean();
    }

    // The IDE takes the editor's text into its document a moment after typing; a Run before that sends the
    // previous (empty) text, so Run is pressed again until the answer shows, a few times at most.
    private static async Task RunUntilAnsweredAsync(IPage page, Regex answer)
    {
        var response = page.Locator("body");
        for (var attempt = 1; ; attempt++)
        {
            // The toolbar's button; once the document parses, the editor also shows a "Run ▷" code lens.
            await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();
            try
            {
                await Assertions.Expect(response).ToContainTextAsync(answer, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }

    [Fact]
    public async Task Banana_Cake_Pop_documents_the_schema_with_its_descriptions()
    {
        await using var session = await browser.OpenAsync(app.CreateHttpClient("graphql").BaseAddress!);
        var page = session.Page;

        await page.GotoAsync(session.Url("/graphql"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Browse Schema" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Schema available")).ToBeVisibleAsync();
        await page.GetByText("Schema Definition", new() { Exact = true }).First.ClickAsync();

        // The schema as SDL, each type and field under its description, as introspection gave them.
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Questions about the movie catalog");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Movies released per genre per year");
        await session.SaveScreenshotAsync("explorer-banana-cake-pop-schema");

        session.AssertClean();
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public async Task GraphiQL_opens_with_examples_and_runs_a_query(string resource)
    {
        await using var session = await browser.OpenAsync(app.CreateHttpClient(resource).BaseAddress!);
        var page = session.Page;

        await page.GotoAsync(session.Url("/graphql/graphiql"));
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
