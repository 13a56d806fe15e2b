using System.Text.Json;
using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>The chat panel against the real chat mutation, in its offline mode (tests configure no model key).</summary>
[Collection("app")]
public sealed class ChatPanelTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_question_carries_the_view_and_gets_an_offline_answer_from_the_real_figures()
    {
        var mostPopular = RawTmdbData.Dated.Where(movie => movie.Year == 2010).MaxBy(movie => movie.Popularity)!;
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=popularity&year=2010");
        var chat = new ChatPanel(page.Page);
        // Hold the question at the browser until the waiting state has been seen; the real server answers it.
        var release = new TaskCompletionSource();
        await page.Page.RouteAsync(GraphQLRoute.Url, async route =>
        {
            if (IsChat(route.Request))
            {
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            await route.ContinueAsync();
        });
        var sent = page.Page.WaitForRequestAsync(IsChat);

        await chat.Input.FillAsync("Which movie was the most popular in 2010?");
        await chat.Input.PressAsync("Enter");

        await Expect(chat.Input).ToBeDisabledAsync();
        await Expect(chat.Send).ToBeDisabledAsync();
        release.SetResult();
        var input = JsonDocument.Parse((await sent).PostData!).RootElement.GetProperty("variables").GetProperty("input");
        Assert.Equal("Which movie was the most popular in 2010?", input.GetProperty("message").GetString());
        Assert.Equal("""{"popularityYear":2010}""", input.GetProperty("view").GetRawText());
        Assert.Equal(JsonValueKind.Null, input.GetProperty("conversationId").ValueKind);

        var reply = chat.Replies.Last;
        await Expect(reply).ToHaveAttributeAsync("data-mode", "OFFLINE");
        await Expect(reply.Locator(".mode-badge")).ToHaveTextAsync("Offline analyst");
        await Expect(reply.Locator(".chat-text")).ToContainTextAsync(mostPopular.Title);
        await Expect(chat.Mode).ToContainTextAsync("Offline analyst");
        await Expect(reply).Not.ToContainTextAsync("XAI_API_KEY");
        await Expect(page.Page.Locator("#chat-notice")).ToContainTextAsync("set XAI_API_KEY");
        await Expect(page.Page.Locator("#chat-log")).Not.ToContainTextAsync("XAI_API_KEY");
        await Expect(chat.Input).ToBeEnabledAsync();
        await Expect(chat.Input).ToBeFocusedAsync();
        await Expect(chat.Input).ToHaveValueAsync("");
        session.AssertClean();
    }

    [Fact]
    public async Task A_follow_up_continues_the_conversation_with_the_trends_view()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var chat = new ChatPanel(page.Page);
        var conversationId = await StartConversationAsync(page, chat);

        var followUp = page.Page.WaitForRequestAsync(IsChat);
        await chat.AskAsync("Which genre grew the most?");

        var input = JsonDocument.Parse((await followUp).PostData!).RootElement.GetProperty("variables").GetProperty("input");
        Assert.Equal(conversationId, input.GetProperty("conversationId").GetString());
        Assert.Equal("""{"trendsFrom":2000,"trendsTo":2010,"genres":null}""", input.GetProperty("view").GetRawText());
        await Expect(chat.Replies).ToHaveCountAsync(2);
        session.AssertClean();
    }

    [Fact]
    public async Task A_failed_request_is_reported_in_place_and_the_conversation_survives()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var chat = new ChatPanel(page.Page);
        await chat.AskAsync("Summarise this view.");
        await Expect(chat.Replies).ToHaveCountAsync(1);

        // The connection drops on the next question.
        await page.Page.RouteAsync(GraphQLRoute.Url, route => IsChat(route.Request) ? route.AbortAsync("connectionreset") : route.ContinueAsync());
        await chat.AskAsync("And the smallest genre?");

        var error = page.Page.Locator("#chat-log .chat-message--error");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToContainTextAsync("could not be reached");
        await Expect(error).ToContainTextAsync("Your conversation is kept");
        await Expect(page.Page.Locator("#chat-log .chat-message--user")).ToHaveCountAsync(2);
        await Expect(chat.Replies).ToHaveCountAsync(1);
        await Expect(chat.Input).ToBeEnabledAsync();
        await Expect(chat.Input).ToHaveValueAsync("And the smallest genre?");
        // The browser logs the dropped connection itself; nothing else may be logged.
        Assert.All(session.ConsoleErrors, message => Assert.Contains("ERR_CONNECTION_RESET", message, StringComparison.Ordinal));
        Assert.Empty(session.ForeignRequests);
    }

    [Fact]
    public async Task An_expired_conversation_is_said_so_and_the_question_sent_again_starts_a_new_one()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var page = new MovieTrendsPage(session);
        var chat = new ChatPanel(page.Page);
        var conversationId = Guid.Parse(await StartConversationAsync(page, chat));

        // What expiry does on the server: the conversation and its messages are gone.
        await using (var connection = new NpgsqlConnection(app.MovieDbConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM chat_conversations WHERE id = $1", connection)
            {
                Parameters = { new() { Value = conversationId } },
            };
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        await chat.AskAsync("Which genre grew the most?");
        var error = page.Page.Locator("#chat-log .chat-message--error");
        await Expect(error).ToHaveAttributeAsync("data-code", "CONVERSATION_NOT_FOUND");
        await Expect(error).ToContainTextAsync("expired");
        await Expect(chat.Input).ToHaveValueAsync("Which genre grew the most?");

        var again = page.Page.WaitForRequestAsync(IsChat);
        await chat.Input.PressAsync("Enter");
        var input = JsonDocument.Parse((await again).PostData!).RootElement.GetProperty("variables").GetProperty("input");
        Assert.Equal(JsonValueKind.Null, input.GetProperty("conversationId").ValueKind);
        await Expect(chat.Replies).ToHaveCountAsync(2);
        session.AssertClean();
    }

    /// <summary>Asks a first question on the 2000–2010 trends view and returns the conversation the server started.</summary>
    private static async Task<string> StartConversationAsync(MovieTrendsPage page, ChatPanel chat)
    {
        await page.OpenAsync("?view=trends&from=2000&to=2010");
        var answer = page.Page.WaitForResponseAsync(response => IsChat(response.Request));
        await chat.AskAsync("Summarise this view.");
        var conversationId = JsonDocument.Parse(await (await answer).TextAsync())
            .RootElement.GetProperty("data").GetProperty("chat").GetProperty("conversationId").GetString();
        await Expect(chat.Replies).ToHaveCountAsync(1);
        Assert.False(string.IsNullOrEmpty(conversationId));
        return conversationId;
    }

    private static bool IsChat(IRequest request) => GraphQLRoute.Carries(request, "mutation Chat");

    private sealed class ChatPanel(IPage page)
    {
        public ILocator Input => page.GetByLabel("Your question", new() { Exact = true });

        public ILocator Send => page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

        public ILocator Mode => page.Locator("#chat-mode");

        public ILocator Replies => page.Locator("#chat-log .chat-message--assistant");

        public async Task AskAsync(string question)
        {
            await Input.FillAsync(question);
            await Input.PressAsync("Enter");
        }
    }
}
