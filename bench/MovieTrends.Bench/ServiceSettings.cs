using MovieTrends.Catalog;

namespace MovieTrends.Bench;

/// <summary>Ports and per-service settings of a run; every port is inside the benchmark's own range.</summary>
public sealed record ServicePorts(int Postgres, int GraphQL, int Web, int Baseline)
{
    public static ServicePorts From(int portBase) => new(portBase + 1, portBase + 10, portBase + 11, portBase + 12);

    /// <summary>Fails before anything starts when another process already listens on one of the ports.</summary>
    public void EnsureFree()
    {
        foreach (var port in new[] { Postgres, GraphQL, Web, Baseline })
        {
            try
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
            }
            catch (System.Net.Sockets.SocketException)
            {
                throw new InvalidOperationException($"Port {port} is in use: stop what listens there or pick another range with --port-base.");
            }
        }
    }
}

public static class ServiceSettings
{
    public const string Database = CatalogConnection.Name;

    /// <summary>The GraphQL service's switch for its response and catalog-answer caches.</summary>
    public const string ResultCachesSetting = "GraphQL__ResultCaches__Enabled";

    // Names JIT-compiled methods for perf; written once per method, nothing per request. With W^X on,
    // JIT code runs from a second mapping that perf cannot match to those names.
    private static readonly Dictionary<string, string> PerfSymbols = new()
    {
        ["DOTNET_PerfMapEnabled"] = "1",
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    public static Dictionary<string, string> GraphQL(string connectionString, bool resultCachesOn) => new(PerfSymbols)
    {
        [$"ConnectionStrings__{Database}"] = connectionString,
        [ResultCachesSetting] = resultCachesOn ? "true" : "false",
    };

    public static Dictionary<string, string> Web(Uri graphql) => new(PerfSymbols)
    {
        ["services__graphql__http__0"] = graphql.ToString().TrimEnd('/'),
    };

    public static Dictionary<string, string> Baseline(int responseBytes) => new()
    {
        ["Baseline__ResponseBytes"] = responseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
