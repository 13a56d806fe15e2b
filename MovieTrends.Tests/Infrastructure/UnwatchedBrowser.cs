using System.Diagnostics;
using Microsoft.Playwright;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// A headless Chromium of its own, with a new profile (an empty cache), that loads one page with no automation
/// attached: the tab is opened through the browser's DevTools HTTP endpoint, and Playwright connects seconds later,
/// to read what the page recorded in its Performance timeline. A driven browser reports every
/// request, response and console message of a load to the test process as it happens, work a visitor's browser
/// never does: on a two-core machine it added 100–180 ms to a cold load's first chart.
/// </summary>
public sealed class UnwatchedBrowser : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    // The browser's own start-up work (profile, extensions, GPU process) is over by then, so the load has the
    // machine to itself as a visitor's would.
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);
    // Ten times a cold load's first chart on an idle machine.
    private static readonly TimeSpan UnwatchedTime = TimeSpan.FromSeconds(3);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly HttpClient _devTools;
    private IBrowser? _connection;

    private UnwatchedBrowser(Process process, DirectoryInfo profile, Uri devTools)
    {
        _process = process;
        _profile = profile;
        _devTools = new HttpClient { BaseAddress = devTools, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <param name="window">The window's size in CSS pixels.</param>
    /// <param name="scale">Device pixels per CSS pixel (a phone's screen is 2 or 3).</param>
    public static async Task<UnwatchedBrowser> StartAsync((int Width, int Height) window, double scale)
    {
        var profile = Directory.CreateTempSubdirectory("movietrends-browser-");
        var start = new ProcessStartInfo(BrowserFixture.ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in BrowserFixture.ChromiumArgs.Concat(
        [
            "--headless",
            "--remote-debugging-port=0",
            $"--user-data-dir={profile.FullName}",
            $"--window-size={window.Width},{window.Height}",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--force-device-scale-factor={scale}"),
            "about:blank",
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var port = await DevToolsPortAsync(profile, process);
        await Task.Delay(SettleTime);
        return new UnwatchedBrowser(process, profile, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new tab, leaves it alone for <see cref="UnwatchedTime"/>, then attaches,
    /// waits for <paramref name="ready"/> (a JavaScript expression; on a slower load the rest is watched) and
    /// returns the page for reading.
    /// </summary>
    public async Task<IPage> OpenAsync(IPlaywright playwright, Uri url, string ready)
    {
        using (var opened = await _devTools.PutAsync($"json/new?{url}", content: null))
        {
            opened.EnsureSuccessStatusCode();
        }

        // Not even asked how far the page is: the browser would answer on the thread the load needs.
        await Task.Delay(UnwatchedTime);
        _connection = await playwright.Chromium.ConnectOverCDPAsync(_devTools.BaseAddress!.ToString());
        var page = _connection.Contexts.SelectMany(context => context.Pages).Single(page => page.Url.StartsWith(url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        await page.WaitForFunctionAsync(ready);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _devTools.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        // The browser's helper processes may still hold the profile for a moment after the main one exits.
        for (var attempt = 0; attempt < 10 && _profile.Exists; attempt++)
        {
            try
            {
                _profile.Delete(recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100);
            }
        }
    }

    // Chromium writes the port it chose (and the browser's WebSocket path) into the profile once it listens.
    private static async Task<int> DevToolsPortAsync(DirectoryInfo profile, Process process)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} exited with {process.ExitCode} before listening.");
            }

            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{BrowserFixture.ChromiumPath} did not open its DevTools port within {StartTimeout.TotalSeconds} s.");
    }
}
