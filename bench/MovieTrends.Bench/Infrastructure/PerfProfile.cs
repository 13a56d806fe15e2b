using System.Globalization;

namespace MovieTrends.Bench.Infrastructure;

/// <summary>
/// CPU samples of one process with Linux perf while a load runs, reduced to the hottest symbols.
/// .NET methods get names from the perf map the runtime writes when DOTNET_PerfMapEnabled=1.
/// </summary>
public static class PerfProfile
{
    public static async Task<bool> IsAvailableAsync() =>
        (await Command.RunAsync("sh", ["-c", "command -v perf && perf record -o /dev/null -q -- true"], check: false)).ExitCode == 0;

    public static async Task<string> RecordAsync(int pid, TimeSpan duration, string dataPath, Func<Task> load)
    {
        var seconds = ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var recording = Command.RunAsync("perf", ["record", "-F", "499", "-g", "-q", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", dataPath, "--", "sleep", seconds]);
        await load();
        await recording;
        var report = await Command.RunAsync("perf",
            ["report", "-i", dataPath, "--stdio", "--no-children", "--sort", "dso,symbol", "-g", "none", "--percent-limit", "0.8"]);
        return string.Join('\n', report.Output.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Take(40));
    }
}
