using Microsoft.Playwright;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test class, driven by Playwright. It is Debian's Chromium, never a browser
/// downloaded by Playwright: tests must run on a machine that reaches nothing but package registries.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Quiet, deterministic and offline: no sandbox (tests run as root), no GPU, and none of the
    // browser's own background traffic (updates, sync, first-run pages). Every request for another host goes
    // to a proxy on a closed port and fails there (loopback never uses a proxy), so a page cannot reach the
    // network while no request of the app's own waits on the test process (see BrowserSession).
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--proxy-server=http://127.0.0.1:9",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The driver, for browsers started outside this fixture (<see cref="UnwatchedBrowser"/>).</summary>
    public IPlaywright Playwright => _playwright ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's Chromium at {ChromiumPath}: install it with 'apt-get install -y chromium' (eng/prerequisites.sh does it).");
        }

        // Pages wait on the whole app; on a busy two-core machine an answer can take seconds, not milliseconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Opens a fresh browser context whose every request and console message is watched: call
    /// <see cref="BrowserSession.AssertClean"/> at the end of the test.
    /// </summary>
    public Task<BrowserSession> OpenAsync(Uri appBaseAddress, BrowserNewContextOptions? options = null) =>
        BrowserSession.StartAsync(Browser, appBaseAddress, options);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
