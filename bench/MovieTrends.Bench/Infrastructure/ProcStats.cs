using System.Globalization;

namespace MovieTrends.Bench.Infrastructure;

/// <summary>CPU time and memory of processes and of the whole machine, read from /proc.</summary>
public static class ProcStats
{
    /// <summary>Kernel clock ticks per second (USER_HZ), 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds the process has used so far; zero once it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Starts a new peak-RSS window: the kernel resets VmHWM to the current RSS.</summary>
    public static void ResetPeakRss(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    /// <summary>Peak resident memory (VmHWM) since the process started or since <see cref="ResetPeakRss"/>, in MiB.</summary>
    public static double PeakRssMiB(int pid) => StatusKiB(pid, "VmHWM:") / 1024.0;

    /// <summary>Seconds the machine's CPUs spent busy and in total so far (all cores summed).</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

    /// <summary>The process and all its direct children (PostgreSQL's backends are children of the postmaster).</summary>
    public static IReadOnlyList<int> WithChildren(int pid) =>
    [
        pid,
        .. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(child => ParentOf(child) == pid),
    ];

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static int? ParentOf(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        return stat is null ? null : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static long StatusKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
