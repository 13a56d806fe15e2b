using MovieTrends.Bench.Load;

namespace MovieTrends.Bench;

/// <summary>What a smoke run must show: a results file with every row, and not one failed request.</summary>
public static class SmokeCheck
{
    public static bool Passes(string resultsFile, BenchOptions options, IReadOnlyList<CatalogReport> catalogs)
    {
        var problems = new List<string>();
        if (!File.Exists(resultsFile))
        {
            problems.Add($"no results file at {resultsFile}");
        }

        foreach (var catalog in catalogs)
        {
            var scenarios = Scenario.For(catalog.FirstYear, catalog.LastYear);
            // Baseline per connection count, every scenario direct and proxied, plus the one-connection probes.
            var expected = options.SoakOnly ? 0 : options.Connections.Count * (1 + 2 * scenarios.Count) + scenarios.Count(scenario => !scenario.Repeated && scenario.Mode != "genre-window");
            if (catalog.Measurements.Count != expected)
            {
                problems.Add($"{catalog.Name}: {catalog.Measurements.Count} rows, expected {expected}");
            }

            // Each repeated scenario through the proxy again, interleaved with the baseline.
            var interleaved = options.SoakOnly ? 0 : scenarios.Count(scenario => scenario.Repeated);
            if (catalog.InterleavedRatios.Count != interleaved)
            {
                problems.Add($"{catalog.Name}: {catalog.InterleavedRatios.Count} interleaved ratios, expected {interleaved}");
            }

            problems.AddRange(catalog.InterleavedRatios
                .Where(ratio => ratio.Errors > 0 || ratio.Ratios.Any(value => value <= 0))
                .Select(ratio => $"{catalog.Name}: {ratio.Scenario.Name} interleaved: ratios {string.Join(", ", ratio.Ratios)}, {ratio.Errors} errors"));

            if (catalog.Soak is not { Passed: true } soak)
            {
                problems.Add($"{catalog.Name}: the soak " + (catalog.Soak is null ? "did not run"
                    : $"had {catalog.Soak.ServerErrors} 5xx and {catalog.Soak.Failures} failures in {catalog.Soak.Requests} requests, healthy after: {catalog.Soak.HealthyAfter}"));
            }

            problems.AddRange(catalog.Measurements
                .Where(row => row.Wrk.Errors > 0 || row.Wrk.Requests == 0)
                .Select(row => $"{catalog.Name}: {row.Scenario.Name} ({row.Route}, {row.Connections} connections): {row.Wrk.Requests} requests, {row.Wrk.Errors} errors"));
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"Smoke check failed: {problem}");
        }

        if (problems.Count == 0)
        {
            Console.WriteLine("Smoke check passed: every row measured, no errors.");
        }

        return problems.Count == 0;
    }
}
