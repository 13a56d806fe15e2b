using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>The chat is asked with the view's measure, filter and dataset, so a question that names none is answered in them.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChatViewLensTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_question_naming_no_measure_is_answered_in_the_measure_and_dataset_on_screen()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010&dataset=tmdb-movies&measure=MEDIAN_RUNTIME&minVotes=20");
        var requests = new List<string>();
        page.Page.Request += (_, request) =>
        {
            if (GraphQLRoute.Carries(request, "mutation Chat"))
            {
                requests.Add(request.PostData!);
            }
        };

        await page.Page.Locator("#chat-input").FillAsync("Which genre has the largest value?");
        await page.Page.Locator("#chat-send").ClickAsync();

        var reply = page.Page.Locator(".chat-message--assistant").Last;
        await Expect(reply.Locator(".chat-text")).ToContainTextAsync("median runtime");
        var sent = Assert.Single(requests);
        Assert.Contains("\"measure\":\"MEDIAN_RUNTIME\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"dataset\":\"tmdb-movies\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"filter\":{\"minVotes\":20}", sent, StringComparison.Ordinal);
        await Expect(reply.Locator("details li").First).ToContainTextAsync("tmdb-movies");
        session.AssertClean();
    }
}
