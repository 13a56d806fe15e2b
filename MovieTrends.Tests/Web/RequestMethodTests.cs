using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// The page asks its questions as GET (no body for the proxy to forward) and sends the chat, a mutation, as POST;
/// a query whose URL would be too long goes as POST, so no question is ever refused for its length.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class RequestMethodTests(InProcessApp app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task The_views_ask_with_GET_and_no_body_and_the_chat_with_POST()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var requests = new ConcurrentQueue<IRequest>();
        session.Page.Request += (_, request) =>
        {
            if (GraphQLRoute.Operation(request).Length > 0) requests.Enqueue(request);
        };

        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var question = session.Page.GetByLabel("Your question", new() { Exact = true });
        await question.FillAsync("Which genre grew most?");
        var chat = session.Page.WaitForResponseAsync(response => GraphQLRoute.Carries(response.Request, "mutation Chat"));
        await question.PressAsync("Enter");
        Assert.Equal(200, (await chat).Status);

        var queries = requests.Where(request => !GraphQLRoute.Carries(request, "mutation Chat")).ToList();
        Assert.Contains(queries, request => GraphQLRoute.Carries(request, "query GenreTrends"));
        Assert.Contains(queries, request => GraphQLRoute.Carries(request, "query Catalog"));
        Assert.All(queries, request =>
        {
            Assert.Equal("GET", request.Method);
            Assert.Null(request.PostData);
        });
        var mutation = Assert.Single(requests, request => GraphQLRoute.Carries(request, "mutation Chat"));
        Assert.Equal("POST", mutation.Method);
        Assert.Equal("/graphql", new Uri(mutation.Url).PathAndQuery);
        session.AssertClean();
    }

    [Fact]
    public async Task A_query_too_long_for_a_URL_is_sent_as_POST_and_answered()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");

        var shortMethod = await AskAsync(session.Page, "{ __typename }");
        // A comment pads the document past any URL the page sends as GET; the service still reads it as one query.
        var longMethod = await AskAsync(session.Page, "{ __typename } #" + new string('x', 3000));

        Assert.Equal("GET", shortMethod);
        Assert.Equal("POST", longMethod);
        session.AssertClean();
    }

    /// <summary>Runs <paramref name="query"/> through the page's own transport module; returns the method it used.</summary>
    private static async Task<string> AskAsync(IPage page, string query)
    {
        var request = page.WaitForRequestAsync(request => GraphQLRoute.Carries(request, query));
        var data = await page.EvaluateAsync<JsonElement>(
            "async query => (await import('/js/graphql.js')).graphql(query)", query);
        Assert.Equal("Query", data.GetProperty("__typename").GetString());
        return (await request).Method;
    }
}
