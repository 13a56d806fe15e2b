using System.Diagnostics;
using MovieTrends.Bench.Infrastructure;

namespace MovieTrends.Bench.Load;

/// <summary>Warms a scenario up, then measures it with wrk while reading the servers' CPU and peak memory from /proc.</summary>
public sealed class LoadRunner(Wrk wrk, PostgresCluster postgres, TimeSpan warmup, TimeSpan duration, int firstYear, int lastYear)
{
    /// <summary>The services are warm by then: this only opens wrk's connections before each measured run.</summary>
    public static readonly TimeSpan InterleavedWarmup = TimeSpan.FromSeconds(1);

    public async Task<Measurement> MeasureAsync(
        Scenario scenario, Route route, Uri url, int connections, bool resultCachesOn, IReadOnlyList<AppServer> servers)
    {
        Console.WriteLine($"  {scenario.Name} · {route} · {connections} connections");
        var style = RequestStyle.Of(route);
        await wrk.RunAsync(url, scenario, style, connections, warmup, firstYear, lastYear);

        var (result, usage) = await UsageDuringAsync(
            () => wrk.RunAsync(url, scenario, style, connections, duration, firstYear, lastYear), servers);
        return new Measurement(
            scenario, route, connections, resultCachesOn, result, usage.Servers, usage.PostgresCpuPercent, usage.MachineBusyPercent);
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of the baseline then the proxy, each a short warm-up and a measured run, and
    /// the proxy's requests/s over the baseline's in each round. The baseline gets the proxy's requests, so both
    /// parse the same kind of request; it answers its fixed bytes whatever they accept.
    /// </summary>
    public async Task<InterleavedRatio> MeasureInterleavedAsync(
        Scenario scenario, Uri url, Scenario baselineScenario, Uri baselineUrl, int connections, int rounds)
    {
        Console.WriteLine($"  {scenario.Name} · Proxy · {connections} connections · {rounds} rounds interleaved with the baseline");
        var style = RequestStyle.Of(Route.Proxy);
        var ratios = new List<double>(rounds);
        var errors = 0L;
        WrkResult? lastBaseline = null, lastMeasured = null;
        for (var round = 0; round < rounds; round++)
        {
            var baseline = await WarmAndRunAsync(baselineUrl, baselineScenario, style, connections);
            var measured = await WarmAndRunAsync(url, scenario, style, connections);
            if (baseline.Requests == 0)
            {
                throw new InvalidOperationException($"The baseline answered no request in round {round + 1} of {scenario.Name}: no ratio can be taken.");
            }

            ratios.Add(measured.RequestsPerSecond / baseline.RequestsPerSecond);
            errors += baseline.Errors + measured.Errors;
            (lastBaseline, lastMeasured) = (baseline, measured);
        }

        return new InterleavedRatio(scenario, Route.Proxy, connections, ratios, errors,
            lastMeasured!.BytesPerResponse, lastBaseline!.BytesPerResponse);
    }

    private async Task<WrkResult> WarmAndRunAsync(Uri url, Scenario scenario, RequestStyle style, int connections)
    {
        await wrk.RunAsync(url, scenario, style, connections, InterleavedWarmup, firstYear, lastYear);
        return await wrk.RunAsync(url, scenario, style, connections, duration, firstYear, lastYear);
    }

    /// <summary>Runs the load and reports what the servers, PostgreSQL and the machine used while it ran.</summary>
    public async Task<(T Result, Usage Usage)> UsageDuringAsync<T>(Func<Task<T>> load, IReadOnlyList<AppServer> servers)
    {
        foreach (var server in servers)
        {
            ProcStats.ResetPeakRss(server.ProcessId);
        }

        var serverCpuBefore = servers.Select(server => ProcStats.CpuSeconds(server.ProcessId)).ToArray();
        var postgresBefore = PostgresCpu();
        var machineBefore = ProcStats.MachineCpuSeconds();
        var stopwatch = Stopwatch.StartNew();

        var result = await load();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var machineAfter = ProcStats.MachineCpuSeconds();
        var postgresAfter = PostgresCpu();
        var usage = servers.Select((server, index) => new ProcessUsage(
            server.Name,
            Percent(ProcStats.CpuSeconds(server.ProcessId) - serverCpuBefore[index], seconds),
            ProcStats.PeakRssMiB(server.ProcessId))).ToArray();
        var postgresSeconds = postgresAfter.Sum(pair => pair.Value - postgresBefore.GetValueOrDefault(pair.Key));
        return (result, new Usage(
            usage,
            Percent(postgresSeconds, seconds),
            Percent(machineAfter.Busy - machineBefore.Busy, machineAfter.Total - machineBefore.Total)));
    }

    private Dictionary<int, double> PostgresCpu() =>
        postgres.ProcessIds().ToDictionary(pid => pid, ProcStats.CpuSeconds);

    private static double Percent(double part, double whole) => whole <= 0 ? 0 : 100 * part / whole;
}

/// <summary>CPU of each server, of PostgreSQL and of the whole machine over a measured window.</summary>
public sealed record Usage(IReadOnlyList<ProcessUsage> Servers, double PostgresCpuPercent, double MachineBusyPercent);
