using System.Globalization;
using System.Text;
using MovieTrends.Bench.Soak;

namespace MovieTrends.Bench.Report;

/// <summary>The soak's part of the results file: one row per stream and what the servers used.</summary>
public static class SoakSection
{
    public static void Render(StringBuilder md, string catalogName, SoakResult soak)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"### {catalogName}: soak, {soak.Duration.TotalSeconds:F0} s of valid and hostile requests at once");
        md.AppendLine();
        md.AppendLine("""
            Four wrk streams ran side by side against the services as deployed (result caches on): valid requests
            (genreTrends with a sliding window and with genre lists, popularity of changing years and limits, catalog,
            genres, GET queries) and hostile ones (cut-off JSON, wrong media type, batches, syntax errors, unknown
            fields, selections and list literals 300 deep, fragment cycles, a 2^40 fragment fan-out, 1,500 aliases,
            12,000 unknown fields, subscriptions, mutations over GET, invalid UTF-8, lone surrogates, bodies over
            64 KiB, wrongly typed variables, JSON 200 deep, PUT), each kind directly and through the web proxy.
            A valid request must get 200 without errors; a hostile one a 4xx. "Failures" counts every other answer
            and every request that got none (wrk's socket errors and 5 s timeouts).
            """);
        md.AppendLine();
        md.AppendLine("| Stream | Route | Connections | Requests | Requests/s | p50 ms | p99 ms | max ms | 4xx | 5xx | GraphQL errors | Socket errors | Failures |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var stream in soak.Streams)
        {
            var wrk = stream.Wrk;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {stream.Kind.ToString().ToLowerInvariant()} | {stream.Route.ToString().ToLowerInvariant()} | {stream.Connections} | {wrk.Requests:N0} | {wrk.RequestsPerSecond:N0} " +
                $"| {wrk.P50Microseconds / 1000.0:F2} | {wrk.P99Microseconds / 1000.0:F2} | {wrk.MaxMicroseconds / 1000.0:F0} " +
                $"| {wrk.Non2xx - wrk.ServerErrors:N0} | {wrk.ServerErrors:N0} | {wrk.GraphQLErrors:N0} | {wrk.SocketErrors:N0} | {stream.Failures:N0} |");
        }

        md.AppendLine();
        var servers = string.Join("; ", soak.Usage.Servers.Select(server => $"{server.Name} {server.CpuPercent:F0} % CPU, peak RSS {server.PeakRssMiB:F0} MiB"));
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Total {soak.Requests:N0} requests, {soak.ServerErrors:N0} 5xx, {soak.Failures:N0} failures. {servers}; PostgreSQL {soak.Usage.PostgresCpuPercent:F0} % CPU; machine {soak.Usage.MachineBusyPercent:F0} % busy. " +
            $"Both services {(soak.HealthyAfter ? "answered /health with 200" : "did NOT both answer /health with 200")} right after.");
        md.AppendLine();
    }
}
