using Microsoft.Playwright;
using MovieTrends.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Until the page's script has wired the chat up, a question must not leave as a plain form submission (a GET
/// that reloads the page with the question in its address and loses the view): while that script is held back,
/// nothing in the chat can be submitted; once it runs, the same question goes to the assistant.
/// </summary>
[Collection("app")]
public sealed class ChatBeforeWiringTests(AppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly Uri _web = app.CreateHttpClient("web").BaseAddress!;

    [Fact]
    public async Task A_question_cannot_be_submitted_before_the_chat_is_wired_up()
    {
        await using var session = await browser.OpenAsync(_web, WebPageContext.Desktop());
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await session.Page.RouteAsync("**/bundle/page.js", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await route.ContinueAsync();
        });

        await session.Page.GotoAsync(session.Url("/?view=trends"), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        // The whole document is parsed (the footer is last) while the page's script has not run.
        await session.Page.Locator(".site-footer").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        // A question typed and sent the ways a person would: Send pressed, or Enter in a single-line field.
        var submitted = await session.Page.EvaluateAsync<string[]>(
            """
            () => {
              const submitted = [];
              document.addEventListener('submit', (event) => {
                submitted.push(event.target.id || event.target.className);
                event.preventDefault();
              }, { capture: true });
              const input = document.getElementById('chat-input');
              if (input) input.value = 'Which genre grew fastest?';
              document.getElementById('chat-send')?.click();
              document.getElementById('chat-form')?.querySelector('[type=submit]')?.click();
              return submitted;
            }
            """);
        Assert.Empty(submitted);

        release.SetResult();
        await Expect(session.Page.Locator("#chat-input")).ToBeEnabledAsync();
        await session.Page.Locator("#chat-input").FillAsync("Which genre grew fastest?");
        await session.Page.Locator("#chat-input").PressAsync("Enter");
        await Expect(session.Page.Locator("#chat-log .chat-message--user")).ToHaveTextAsync("Which genre grew fastest?");
        Assert.DoesNotContain("message=", session.Page.Url, StringComparison.Ordinal);
        session.AssertClean();
    }
}
