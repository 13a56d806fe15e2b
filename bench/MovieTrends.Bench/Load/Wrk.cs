using System.Globalization;
using System.Text.Json;
using MovieTrends.Bench.Infrastructure;

namespace MovieTrends.Bench.Load;

/// <summary>Runs wrk (Debian's package) with wrk/graphql.lua against a loopback URL.</summary>
public sealed class Wrk(string scriptPath)
{
    private const string ResultMarker = "BENCH_RESULT ";

    public static async Task<Wrk> LocateAsync(string repoRoot)
    {
        var found = await Command.RunAsync("sh", ["-c", "command -v wrk"], check: false);
        if (found.ExitCode != 0)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk.");
        }

        return new Wrk(Path.Combine(repoRoot, "bench", "wrk", "graphql.lua"));
    }

    public async Task<WrkResult> RunAsync(Uri url, Scenario scenario, int connections, TimeSpan duration, int firstYear, int lastYear)
    {
        if (!url.IsLoopback)
        {
            throw new InvalidOperationException($"Refusing to load {url}: the benchmark only targets loopback addresses.");
        }

        var threads = Math.Min(Environment.ProcessorCount, connections);
        var result = await Command.RunAsync(
            "wrk",
            [
                "-t", threads.ToString(CultureInfo.InvariantCulture),
                "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)}s",
                "--timeout", "5s",
                "-s", scriptPath,
                url.ToString(),
            ],
            new Dictionary<string, string>
            {
                ["BENCH_MODE"] = scenario.Mode,
                ["BENCH_BODY"] = scenario.Body ?? "",
                ["BENCH_FIRST_YEAR"] = firstYear.ToString(CultureInfo.InvariantCulture),
                ["BENCH_LAST_YEAR"] = lastYear.ToString(CultureInfo.InvariantCulture),
            });
        var line = result.Output.Split('\n').FirstOrDefault(line => line.StartsWith(ResultMarker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result line:\n{result.Output}");
        return JsonSerializer.Deserialize<WrkResult>(line[ResultMarker.Length..])!;
    }
}
