namespace MovieTrends.Bench;

/// <summary>
/// What one benchmark run does. <c>--smoke</c> keeps every row but shrinks the load to seconds. <c>--only</c> keeps the
/// scenarios of these wrk modes (<c>fixed</c> for the repeated rows and the baseline), and the setup rows: import,
/// cold start, memory with every dataset loaded.
/// </summary>
public sealed record BenchOptions(
    bool Smoke,
    IReadOnlyList<CatalogSize> Catalogs,
    IReadOnlyList<int> Connections,
    TimeSpan Warmup,
    TimeSpan Duration,
    TimeSpan SoakDuration,
    bool SoakOnly,
    IReadOnlyList<string>? OnlyModes,
    int PortBase,
    string RepoRoot,
    string OutputDirectory)
{
    /// <summary>Rounds of the baseline and a proxy row back to back, for the proxy targets' ratios.</summary>
    public int InterleavedRounds => Smoke ? 1 : 5;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var repoRoot = FindRepoRoot();
        var smoke = args.Contains("--smoke");
        var soakOnly = args.Contains("--soak-only");
        string? catalogs = null, output = null, only = null;
        var portBase = 5700;
        int? warmup = null, duration = null, soak = null;
        for (var index = 0; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--smoke": break;
                case "--soak-only": break;
                case "--soak": soak = int.Parse(ValueOf(args, ++index)); break;
                case "--catalog": catalogs = ValueOf(args, ++index); break;
                case "--only": only = ValueOf(args, ++index); break;
                case "--out": output = Path.GetFullPath(ValueOf(args, ++index)); break;
                case "--port-base": portBase = int.Parse(ValueOf(args, ++index)); break;
                case "--warmup": warmup = int.Parse(ValueOf(args, ++index)); break;
                case "--duration": duration = int.Parse(ValueOf(args, ++index)); break;
                default: throw new ArgumentException($"Unknown option '{args[index]}'. {Usage}");
            }
        }

        return new BenchOptions(
            smoke,
            ParseCatalogs(catalogs ?? (smoke || soakOnly ? "5000" : "5000,1m")),
            // A smoke run proves every row works end to end; a tiny load keeps it quick even on a busy machine.
            smoke ? [4, 16] : [64, 256],
            // The JIT keeps recompiling hot paths for tens of seconds after a start on 2 busy cores.
            TimeSpan.FromSeconds(warmup ?? (smoke ? 1 : 10)),
            TimeSpan.FromSeconds(duration ?? (smoke ? 2 : 6)),
            TimeSpan.FromSeconds(soak ?? (smoke ? 3 : 60)),
            soakOnly,
            only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            portBase,
            repoRoot,
            output ?? Path.Combine(repoRoot, "bench", smoke ? "out/smoke" : "results"));
    }

    private const string Usage =
        "Usage: bench/run.sh [--smoke] [--catalog 5000|1m|5000,1m] [--out DIR] [--port-base 5700] [--warmup SECONDS] [--duration SECONDS] [--soak SECONDS] [--soak-only] [--only MODE,...]";

    private static string ValueOf(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value. {Usage}");

    private static CatalogSize[] ParseCatalogs(string value) =>
    [
        .. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name switch
        {
            "5000" => CatalogSize.Tmdb5000,
            "1m" => CatalogSize.Synthetic1M,
            _ => throw new ArgumentException($"Unknown catalog '{name}': use 5000 (the real TMDB file) or 1m (1,000,000 synthetic movies)."),
        }),
    ];

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MovieTrends.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the MovieTrends repository (no MovieTrends.slnx found above the current folder).");
    }
}

public enum CatalogSize
{
    Tmdb5000,
    Synthetic1M,
}
