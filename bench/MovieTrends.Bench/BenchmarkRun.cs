using MovieTrends.Bench.Infrastructure;
using MovieTrends.Bench.Load;
using MovieTrends.Bench.Report;

namespace MovieTrends.Bench;

/// <summary>Runs every requested catalog, writes the results file and charts, and checks a smoke run's output.</summary>
public static class BenchmarkRun
{
    public static async Task<bool> ExecuteAsync(BenchOptions options)
    {
        var wrk = await Wrk.LocateAsync(options.RepoRoot);
        var machine = await MachineInfo.ReadAsync(options.RepoRoot);
        var workDirectory = Directory.CreateTempSubdirectory("movietrends-bench-").FullName;
        // Created private to this user; the database server runs as its own account and must reach its folder inside.
        File.SetUnixFileMode(workDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var catalogs = new List<CatalogReport>();
        var resultsFile = "";
        try
        {
            foreach (var catalog in options.Catalogs)
            {
                catalogs.Add(await new CatalogBenchmark(options, wrk, workDirectory).RunAsync(catalog));
                // Written after every catalog, so a later failure keeps what was measured.
                resultsFile = Write(options, machine, catalogs);
            }
        }
        catch
        {
            Console.Error.WriteLine($"Logs of the services are kept in {workDirectory}.");
            throw;
        }

        Directory.Delete(workDirectory, recursive: true);
        Console.WriteLine($"Results: {resultsFile}");
        return !options.Smoke || SmokeCheck.Passes(resultsFile, options, catalogs);
    }

    private static string Write(BenchOptions options, MachineInfo machine, IReadOnlyList<CatalogReport> catalogs)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        // A soak-only run has no scenario rows to chart, and neither it nor a run of some rows (--only) is the latest full result.
        var partial = options.SoakOnly ? "-soak" : options.OnlyModes is { } modes ? $"-{catalogs[0].Catalog switch { CatalogSize.Tmdb5000 => "tmdb5000", _ => "synthetic1m" }}-{string.Join("-and-", modes)}" : "";
        var stem = $"{machine.Date:yyyy-MM-dd}-{machine.ShortCommit}{partial}";
        var charts = new Dictionary<CatalogReport, string>();
        foreach (var catalog in options.SoakOnly ? [] : catalogs)
        {
            var chart = $"{stem}-{(catalog.Catalog == CatalogSize.Tmdb5000 ? "tmdb5000" : "synthetic1m")}.svg";
            File.WriteAllText(Path.Combine(options.OutputDirectory, chart), Chart.Render(catalog, options.Connections));
            charts[catalog] = chart;
        }

        var path = Path.Combine(options.OutputDirectory, $"{stem}.md");
        var markdown = MarkdownReport.Render(machine, options, catalogs, charts, ProcStats.LoadAverage());
        File.WriteAllText(path, markdown + KeptAnalysis(path));
        if (partial.Length > 0)
        {
            return path;
        }

        File.WriteAllText(Path.Combine(options.OutputDirectory, "latest.md"),
            $"# Latest benchmark results\n\n[{stem}.md]({stem}.md), measured at commit {machine.Commit} on {machine.Date:yyyy-MM-dd}.\n");
        return path;
    }

    /// <summary>The hand-written analysis of an earlier run of the same commit and day, carried over when the figures are regenerated.</summary>
    private static string KeptAnalysis(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        var previous = File.ReadAllText(path);
        var marker = previous.IndexOf(MarkdownReport.AnalysisMarker, StringComparison.Ordinal);
        return marker < 0 ? "" : previous[(marker + MarkdownReport.AnalysisMarker.Length)..].TrimStart('\n', '\r').Insert(0, "\n");
    }
}
