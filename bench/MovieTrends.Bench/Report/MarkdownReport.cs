using System.Globalization;
using System.Text;
using MovieTrends.Bench.Load;

namespace MovieTrends.Bench.Report;

/// <summary>The results file: machine, targets with pass/miss, every figure, charts and the profiles behind them.</summary>
public static class MarkdownReport
{
    /// <summary>Hand-written analysis goes after this line; it is kept when the file is regenerated.</summary>
    public const string AnalysisMarker = "<!-- analysis: written by hand after the run -->";

    public static string Render(MachineInfo machine, BenchOptions options, IReadOnlyList<CatalogReport> catalogs, IReadOnlyDictionary<CatalogReport, string> chartFiles, string loadAtEnd)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results {machine.Date:yyyy-MM-dd} ({machine.ShortCommit}){(options.Smoke ? " — smoke run, not a measurement" : "")}{(options.SoakOnly ? " — the soak only" : "")}");
        md.AppendLine();
        md.AppendLine("| Machine | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {machine.Cpu}, {machine.Cores} cores |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Memory | {machine.Memory} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| OS | {machine.OperatingSystem}, kernel {machine.Kernel} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {machine.DotNet} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL | {machine.Postgres} (private cluster, default settings except max_connections=300) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Load generator | {machine.Wrk}, on the same machine, loopback only |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Date | {machine.Date:yyyy-MM-dd HH:mm} UTC |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Commit | {machine.Commit} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Load average (1, 5, 15 min) | at start {machine.LoadAtStart}; at end {loadAtEnd} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"""
            Each row: {options.Warmup.TotalSeconds:0.#} s of warm-up, then {options.Duration.TotalSeconds:0.#} s of wrk (threads = cores) with a
            fixed number of connections. The service, the web proxy, PostgreSQL and wrk share the same cores, and other
            processes on the machine (other builds and test runs) may have been running too: the load average above
            says how busy it was. Ratios compare with the baseline (fixed bytes of the same size as an uncompressed
            genreTrends 2000–2010 response, asked the same way) in the same run, so they hold better across machines than
            the absolute figures. Direct rows are asked as a script asks (POST, nothing compressed); proxy rows as the
            page asks (GET accepting gzip, so a cached answer comes compressed). "Caches off" rows ran against a GraphQL service started with its result caches disabled
            ({ServiceSettings.ResultCachesSetting}=false) and sent different arguments on every request; "caches on" rows
            repeated the same request. Errors: non-2xx responses, socket errors (connect, read, write, timeout) and
            GraphQL errors inside 200 responses. CPU is a share of one core (200 % = both cores); RSS is the peak
            resident set (VmHWM) during the measured window. The GraphQL service runs with DOTNET_PerfMapEnabled=1 and
            DOTNET_EnableWriteXorExecute=0 so perf can name its JIT-compiled methods.
            """);
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        foreach (var catalog in catalogs)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {catalog.Name}");
            md.AppendLine();
            md.AppendLine("| Target | Measured | Result | Miss |");
            md.AppendLine("| --- | --- | --- | --- |");
            foreach (var check in Targets.Check(catalog))
            {
                var result = check.Passed switch { true => "pass", false => "**miss**", null => "not measured" };
                md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Target} | {check.Measured} | {result} | {check.Shortfall} |");
            }

            md.AppendLine();
        }

        foreach (var catalog in catalogs)
        {
            RenderCatalog(md, catalog, chartFiles.GetValueOrDefault(catalog));
        }

        md.AppendLine("## Analysis");
        md.AppendLine();
        md.AppendLine(AnalysisMarker);
        return md.ToString();
    }

    private static void RenderCatalog(StringBuilder md, CatalogReport catalog, string? chartFile)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {catalog.Name}");
        md.AppendLine();
        md.AppendLine("| Setup | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Data | {catalog.DataFile.Description}: {catalog.MovieCount:N0} movies, {catalog.UndatedCount:N0} undated, years {catalog.FirstYear}–{catalog.LastYear} |");
        if (catalog.DataFile.Generation is { } generation)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| Generating the file | {generation.TotalSeconds:F1} s |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| Migrations (Ingest CLI `migrate`, start to exit) | {catalog.Migrate.TotalSeconds:F1} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Import (Ingest CLI `import`, start to exit) | {catalog.Import.TotalSeconds:F1} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Import of the other bundled datasets (`tmdb-movies`, `tmdb-top10k`; two `import` runs) | {catalog.ImportOtherDatasets.TotalSeconds:F1} s |");
        if (catalog.Datasets.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| Datasets held by the service (movies; first measure question answered after, the movie columns' load) | {string.Join(", ", catalog.Datasets.Select(dataset => $"`{dataset.Id}` {dataset.MovieCount:N0} ({dataset.Loaded.TotalSeconds:F1} s)"))} |");
        }

        if (catalog.PeakRssEveryDatasetLoadedMiB is { } loadedRss)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| GraphQL peak RSS from its start through loading every dataset's movie columns | {loadedRss:F0} MiB |");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"| Cold start: GraphQL service, process start to /health 200 | {catalog.GraphQLStartup.TotalSeconds:F2} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Cold start: web frontend (started alongside), process start to /health 200 | {catalog.WebStartup.TotalSeconds:F2} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| From an empty folder to all healthy (new cluster, migrations, import, services) | {catalog.FromNothingToHealthy.TotalSeconds:F1} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Baseline response size | {catalog.BaselineResponseBytes:N0} bytes |");
        md.AppendLine();

        if (chartFile is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"![{catalog.Name}: requests/s and p99 against connections]({chartFile})");
            md.AppendLine();
        }

        md.AppendLine("| Scenario | Route | Result caches | Connections | Requests/s | × baseline | p50 ms | p90 ms | p99 ms | Non-2xx | Socket errors | GraphQL errors | Server CPU % | Server peak RSS MiB | GraphQL behind proxy CPU % / RSS MiB | PostgreSQL CPU % | Machine busy % |");
        md.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in catalog.Measurements)
        {
            var front = row.Route switch
            {
                Route.Baseline => row.Server("baseline"),
                Route.Proxy => row.Server("web"),
                _ => row.Server("graphql"),
            };
            var behind = row.Route == Route.Proxy ? row.Server("graphql") : null;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {(row.Route == Route.Baseline ? "baseline (fixed bytes)" : row.Scenario.Name)} | {row.Route.ToString().ToLowerInvariant()} | {(row.Route == Route.Baseline ? "—" : row.ResultCachesOn ? "on" : "off")} | {row.Connections} " +
                $"| {row.Wrk.RequestsPerSecond:N0} | {Ratio(catalog.RatioToBaseline(row))} | {Ms(row.Wrk.P50Microseconds)} | {Ms(row.Wrk.P90Microseconds)} | {Ms(row.Wrk.P99Microseconds)} " +
                $"| {row.Wrk.Non2xx:N0} | {row.Wrk.SocketErrors:N0} | {row.Wrk.GraphQLErrors:N0} | {front?.CpuPercent:F0} | {front?.PeakRssMiB:F0} " +
                $"| {(behind is null ? "—" : $"{behind.CpuPercent:F0} / {behind.PeakRssMiB:F0}")} | {row.PostgresCpuPercent:F0} | {row.MachineBusyPercent:F0} |");
        }

        md.AppendLine();
        RenderInterleaved(md, catalog);
        if (catalog.Soak is { } soak)
        {
            SoakSection.Render(md, catalog.Name, soak);
        }

        foreach (var profile in catalog.Profiles)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {catalog.Name}: {profile.Title}");
            md.AppendLine();
            md.AppendLine("```text");
            md.AppendLine(profile.Text.TrimEnd());
            md.AppendLine("```");
            md.AppendLine();
        }
    }

    private static void RenderInterleaved(StringBuilder md, CatalogReport catalog)
    {
        if (catalog.InterleavedRatios.Count == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"Through the web proxy against a baseline measured just before it, in rounds (each a {LoadRunner.InterleavedWarmup.TotalSeconds:0.#} s warm-up and a measured run of the");
        md.AppendLine("baseline, then the same of the proxy): the ratio of each round, and their median, which the proxy targets use. The proxy is");
        md.AppendLine("asked as the page asks (a GET accepting gzip, so a cached answer comes compressed); the baseline sends its fixed bytes whatever is asked.");
        md.AppendLine();
        md.AppendLine("| Scenario | Route | Connections | Ratio in each round | Median | Errors | Bytes per response, headers included (proxy / baseline) |");
        md.AppendLine("| --- | --- | ---: | --- | ---: | ---: | ---: |");
        foreach (var ratio in catalog.InterleavedRatios)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {ratio.Scenario.Name} | {ratio.Route.ToString().ToLowerInvariant()} | {ratio.Connections} | {string.Join(", ", ratio.Ratios.Select(Targets.PercentOneDecimal))} | {Targets.PercentOneDecimal(ratio.Median)} | {ratio.Errors:N0} | {ratio.BytesPerResponse:N0} / {ratio.BaselineBytesPerResponse:N0} |");
        }

        md.AppendLine();
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(double? ratio) => ratio is { } value ? value.ToString("P0", CultureInfo.InvariantCulture) : "—";
}
