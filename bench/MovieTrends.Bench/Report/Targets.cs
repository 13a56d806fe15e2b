using System.Globalization;
using MovieTrends.Bench.Load;

namespace MovieTrends.Bench.Report;

/// <summary>One target of the benchmark issue, checked against a run. <see cref="Passed"/> is null when not measured.</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Passed, string Shortfall);

/// <summary>The performance targets, evaluated against one catalog's figures.</summary>
public static class Targets
{
    /// <summary>The connection count every target is checked at.</summary>
    public const int Connections = 64;

    public static IReadOnlyList<TargetCheck> Check(CatalogReport report)
    {
        var checks = new List<TargetCheck>();
        foreach (var repeated in Rows(report, Route.Direct, repeated: true).Where(row => row.Scenario.Name.StartsWith("genreTrends", StringComparison.Ordinal)))
        {
            checks.Add(AtLeast($"Repeated {repeated.Scenario.Name}: ≥ 50 % of baseline req/s at 64 connections", report.RatioToBaseline(repeated), 0.50, Percent));
            checks.Add(AtMost($"Repeated {repeated.Scenario.Name}: p99 ≤ 10 ms at 64 connections", repeated.Wrk.P99Microseconds / 1000.0, 10, Milliseconds));
            checks.Add(AtMost($"Repeated {repeated.Scenario.Name}: 0 errors at 64 connections", repeated.Wrk.Errors, 0, Count));
        }

        foreach (var changing in Rows(report, Route.Direct, repeated: false))
        {
            if (changing.Scenario.MinRequestsPerSecond is { } goal)
            {
                checks.Add(AtLeast($"Changing arguments, {changing.Scenario.Name}: ≥ {goal:N0} req/s at 64 connections", changing.Wrk.RequestsPerSecond, goal, RequestsPerSecond));
            }
        }

        foreach (var proxied in Rows(report, Route.Proxy, repeated: true))
        {
            var target = $"Through the web proxy, repeated {proxied.Scenario.Name} asked as the page does (GET, accepting gzip): ≥ 40 % of baseline req/s at 64 connections";
            // One decimal: a median of 39.6 % misses, and must not read as 40 %. Rounds with failed requests fail the target.
            checks.Add(report.Interleaved(proxied) is { } interleaved
                ? AtLeast(target + $" (median of {interleaved.Ratios.Count} rounds interleaved with the baseline)",
                        interleaved.Errors > 0 ? 0 : interleaved.Median, 0.40, PercentOneDecimal)
                    with { Measured = $"{PercentOneDecimal(interleaved.Median)} (rounds {PercentOneDecimal(interleaved.Lowest)}–{PercentOneDecimal(interleaved.Highest)}, {interleaved.Errors:N0} errors)" }
                : AtLeast(target, report.RatioToBaseline(proxied), 0.40, Percent));
        }

        if (report.Soak is { } soak)
        {
            checks.Add(AtMost($"Soak of {soak.Duration.TotalSeconds:F0} s, valid and hostile requests at once: 0 5xx", soak.ServerErrors, 0, Count));
            checks.Add(AtMost("Soak: 0 failures (a valid request not answered 200 without errors, a hostile one not refused with a 4xx, or no answer)", soak.Failures, 0, Count));
        }

        var peakRss = report.Measurements.Select(row => row.Server("graphql")?.PeakRssMiB)
            .Append(report.Soak?.Usage.Servers.FirstOrDefault(server => server.Name == "graphql")?.PeakRssMiB)
            .Max();
        checks.Add(AtMost("GraphQL service peak resident memory under load ≤ 250 MB", peakRss * 1.048576, 250, value => $"{value:F0} MB"));
        var coldStart = Max(report.GraphQLStartup, report.WebStartup).TotalSeconds;
        checks.Add(AtMost("Cold start ≤ 20 s (services started to all healthy)", coldStart, 20, Seconds));

        if (report.Catalog == CatalogSize.Synthetic1M)
        {
            checks.Add(AtMost("1M movies: import ≤ 60 s (Ingest CLI, start to exit)", report.Import.TotalSeconds, 60, Seconds));
            checks.Add(AtMost("1M movies: uncached genreTrends full range p50 ≤ 50 ms (1 connection)", Probe(report, "genre-full"), 50, Milliseconds));
            checks.Add(AtMost("1M movies: uncached popularity of a year p50 ≤ 20 ms (1 connection)", Probe(report, "popularity"), 20, Milliseconds));
            foreach (var probe in report.Measurements.Where(row => row.Connections == 1 && row.Scenario.ProbeP50Milliseconds is not null))
            {
                var goal = probe.Scenario.ProbeP50Milliseconds!.Value;
                checks.Add(AtMost($"1M movies: {probe.Scenario.Name} p50 ≤ {goal:F0} ms (1 connection)", probe.Wrk.P50Microseconds / 1000.0, goal, Milliseconds));
            }

            // Issue 13: the movie columns of every dataset held in memory, the 1M one among them.
            var withDatasets = report.Measurements.Where(row => !row.ResultCachesOn).Select(row => row.Server("graphql")?.PeakRssMiB)
                .Append(report.PeakRssEveryDatasetLoadedMiB)
                .Max();
            checks.Add(AtMost($"1M movies and the other datasets loaded ({report.Datasets.Count} datasets): GraphQL peak resident memory ≤ 300 MB",
                withDatasets * 1.048576, 300, value => $"{value:F0} MB"));
        }

        return checks;
    }

    private static IEnumerable<Measurement> Rows(CatalogReport report, Route route, bool repeated) =>
        report.Measurements.Where(row => row.Route == route && row.Scenario.Repeated == repeated && row.Connections == Connections);

    private static double? Probe(CatalogReport report, string mode) =>
        report.Measurements.FirstOrDefault(row => row.Connections == 1 && row.Scenario.Mode == mode)?.Wrk.P50Microseconds / 1000.0;

    private static TargetCheck AtLeast(string target, double? measured, double goal, Func<double, string> format) =>
        measured is not { } value
            ? new TargetCheck(target, "not measured", null, "")
            : new TargetCheck(target, format(value), value >= goal, value >= goal ? "" : Miss(format(goal - value), "short", goal - value, goal));

    private static TargetCheck AtMost(string target, double? measured, double goal, Func<double, string> format) =>
        measured is not { } value
            ? new TargetCheck(target, "not measured", null, "")
            : new TargetCheck(target, format(value), value <= goal, value <= goal ? "" : Miss(format(value - goal), "over", value - goal, goal));

    private static string Miss(string amount, string direction, double difference, double goal) =>
        goal <= 0 ? $"{amount} {direction}" : $"{amount} {direction} ({(difference / goal).ToString("P0", CultureInfo.InvariantCulture)} of the target)";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>A ratio to the baseline with one decimal, where the first digit decides a target (39.6 % is not 40 %).</summary>
    internal static string PercentOneDecimal(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => $"{value:F1} ms";

    private static string Seconds(double value) => $"{value:F1} s";

    private static string RequestsPerSecond(double value) => $"{value:N0} req/s";

    private static string Count(double value) => $"{value:N0}";
}
