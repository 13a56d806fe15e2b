using System.Runtime.InteropServices;
using MovieTrends.Bench.Infrastructure;

namespace MovieTrends.Bench.Report;

/// <summary>What the figures were measured on: they only mean something next to the machine and commit.</summary>
public sealed record MachineInfo(
    string Cpu, int Cores, string Memory, string OperatingSystem, string Kernel, string DotNet, string Postgres, string Wrk,
    string Commit, DateTimeOffset Date, string LoadAtStart)
{
    public static async Task<MachineInfo> ReadAsync(string repoRoot)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKiB = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var commit = (await Command.RunAsync("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"])).Output.Trim();
        var dirty = (await Command.RunAsync("git", ["-C", repoRoot, "status", "--porcelain", "--untracked-files=no"])).Output.Trim().Length > 0;
        return new MachineInfo(
            cpu,
            Environment.ProcessorCount,
            $"{memoryKiB / 1024.0 / 1024.0:F1} GiB",
            os,
            (await Command.RunAsync("uname", ["-r"])).Output.Trim(),
            $"{RuntimeInformation.FrameworkDescription} (SDK {(await Command.RunAsync("dotnet", ["--version"])).Output.Trim()})",
            (await Command.RunAsync(Path.Combine(PostgresCluster.BinDirectory, "postgres"), ["--version"])).Output.Trim(),
            FirstLine((await Command.RunAsync("wrk", ["--version"], check: false)).Output),
            dirty ? $"{commit} (with uncommitted changes)" : commit,
            DateTimeOffset.UtcNow,
            ProcStats.LoadAverage());
    }

    public string ShortCommit => Commit.Split(' ')[0];

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
