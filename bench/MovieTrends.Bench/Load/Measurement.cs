namespace MovieTrends.Bench.Load;

/// <summary>CPU as a share of one core (200 % is both cores of a 2-core machine) and peak resident memory.</summary>
public sealed record ProcessUsage(string Name, double CpuPercent, double? PeakRssMiB);

/// <summary>One measured wrk run and what the servers used meanwhile.</summary>
public sealed record Measurement(
    Scenario Scenario,
    Route Route,
    int Connections,
    bool ResultCachesOn,
    WrkResult Wrk,
    IReadOnlyList<ProcessUsage> Servers,
    double PostgresCpuPercent,
    double MachineBusyPercent)
{
    public ProcessUsage? Server(string name) => Servers.FirstOrDefault(server => server.Name == name);
}
