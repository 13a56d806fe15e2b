using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// A browser context pointed at the app that records what must never happen on our pages: console
/// errors, uncaught exceptions, and requests to any host but the app's own (the browser cannot reach other
/// hosts: see BrowserFixture). Requests are watched, not intercepted: an intercepted request waits for the
/// test process to let it go, a round trip through it before every file the page loads.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _foreignRequests = new();
    private readonly string _appOrigin;

    private BrowserSession(IBrowserContext context, IPage page, Uri appBaseAddress)
    {
        Context = context;
        Page = page;
        BaseAddress = appBaseAddress;
        _appOrigin = appBaseAddress.GetLeftPart(UriPartial.Authority);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors;

    public IReadOnlyCollection<string> ForeignRequests => _foreignRequests;

    internal static async Task<BrowserSession> StartAsync(IBrowser browser, Uri appBaseAddress, BrowserNewContextOptions? options)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= appBaseAddress.ToString();
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, appBaseAddress);
        session.Watch();
        return session;
    }

    /// <summary>Absolute URL of a path on the app, e.g. <c>Url("/?view=popularity")</c>.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>Fails the test when the page logged an error or tried to reach another host.</summary>
    public void AssertClean()
    {
        Assert.True(_foreignRequests.IsEmpty, "Requests to hosts other than the app: " + string.Join(", ", _foreignRequests));
        Assert.True(_consoleErrors.IsEmpty, "Console errors: " + string.Join(" | ", _consoleErrors));
    }

    /// <summary>Saves a full-page screenshot under the test output folder and returns its path.</summary>
    public async Task<string> SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(TestOutput.ScreenshotsDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private void Watch()
    {
        Context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        Context.WebError += (_, error) => _consoleErrors.Enqueue("Uncaught: " + error.Error);
        Context.Request += (_, request) =>
        {
            if (!IsOwnOrLocal(request.Url))
            {
                _foreignRequests.Enqueue(request.Url);
            }
        };
    }

    // data: and blob: URLs never leave the browser (chart PNG and CSV downloads use them).
    private bool IsOwnOrLocal(string url) =>
        url.StartsWith(_appOrigin + "/", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("blob:", StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
