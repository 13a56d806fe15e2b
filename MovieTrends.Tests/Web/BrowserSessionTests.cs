using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Web;

/// <summary>The guards every browser test relies on must themselves catch what they promise to catch.</summary>
public sealed class BrowserSessionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Uri AppOrigin = new("http://127.0.0.1:9/");

    [Fact]
    public async Task Console_errors_and_requests_to_other_hosts_are_recorded_and_blocked()
    {
        await using var session = await browser.OpenAsync(AppOrigin);

        await session.Page.SetContentAsync("<p>guard</p>");
        var outcome = await session.Page.EvaluateAsync<string>("""
            async () => {
              console.error('boom from the page');
              try { await fetch('http://example.invalid/tracker.js'); return 'reached'; }
              catch { return 'blocked'; }
            }
            """);

        Assert.Equal("blocked", outcome);
        Assert.Contains("http://example.invalid/tracker.js", session.ForeignRequests);
        Assert.Contains(session.ConsoleErrors, e => e.Contains("boom from the page", StringComparison.Ordinal));
        Assert.ThrowsAny<Exception>(session.AssertClean);
    }

    [Fact]
    public async Task A_quiet_page_is_clean()
    {
        await using var session = await browser.OpenAsync(AppOrigin);

        await session.Page.SetContentAsync("<p>quiet</p>");

        session.AssertClean();
    }
}
