using System.Globalization;
using System.Text.Json;
using MovieTrends.Bench.Infrastructure;
using MovieTrends.Bench.Soak;

namespace MovieTrends.Bench.Load;

/// <summary>Runs wrk (Debian's package) with wrk/graphql.lua (the scenarios) or wrk/soak.lua against a loopback URL.</summary>
public sealed class Wrk(string scriptDirectory)
{
    private const string ResultMarker = "BENCH_RESULT ";

    public static async Task<Wrk> LocateAsync(string repoRoot)
    {
        var found = await Command.RunAsync("sh", ["-c", "command -v wrk"], check: false);
        if (found.ExitCode != 0)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk.");
        }

        return new Wrk(Path.Combine(repoRoot, "bench", "wrk"));
    }

    /// <param name="style">How each request is sent (<see cref="RequestStyle.Of"/>).</param>
    public Task<WrkResult> RunAsync(Uri url, Scenario scenario, RequestStyle style, int connections, TimeSpan duration, int firstYear, int lastYear) =>
        RunScriptAsync("graphql.lua", url, connections, Math.Min(Environment.ProcessorCount, connections), duration, new Dictionary<string, string>
        {
            ["BENCH_MODE"] = scenario.Mode,
            ["BENCH_METHOD"] = style.Method,
            ["BENCH_ACCEPT_ENCODING"] = style.AcceptEncoding ?? "",
            ["BENCH_BODY"] = scenario.Body ?? "",
            ["BENCH_FIRST_YEAR"] = firstYear.ToString(CultureInfo.InvariantCulture),
            ["BENCH_LAST_YEAR"] = lastYear.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>One stream of the soak, on one thread, so several streams can run side by side.</summary>
    public Task<WrkResult> SoakAsync(Uri url, SoakKind kind, int connections, TimeSpan duration, int firstYear, int lastYear) =>
        RunScriptAsync("soak.lua", url, connections, threads: 1, duration, new Dictionary<string, string>
        {
            ["SOAK_KIND"] = kind.ToString().ToLowerInvariant(),
            ["BENCH_FIRST_YEAR"] = firstYear.ToString(CultureInfo.InvariantCulture),
            ["BENCH_LAST_YEAR"] = lastYear.ToString(CultureInfo.InvariantCulture),
        });

    private async Task<WrkResult> RunScriptAsync(
        string script, Uri url, int connections, int threads, TimeSpan duration, Dictionary<string, string> environment)
    {
        if (!url.IsLoopback)
        {
            throw new InvalidOperationException($"Refusing to load {url}: the benchmark only targets loopback addresses.");
        }

        var result = await Command.RunAsync(
            "wrk",
            [
                "-t", threads.ToString(CultureInfo.InvariantCulture),
                "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)}s",
                "--timeout", "5s",
                "-s", Path.Combine(scriptDirectory, script),
                url.ToString(),
            ],
            environment);
        var line = result.Output.Split('\n').FirstOrDefault(line => line.StartsWith(ResultMarker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result line:\n{result.Output}");
        return JsonSerializer.Deserialize<WrkResult>(line[ResultMarker.Length..])!;
    }
}
