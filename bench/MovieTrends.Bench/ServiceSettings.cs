using MovieTrends.Catalog;

namespace MovieTrends.Bench;

/// <summary>Ports and per-service settings of a run; every port is inside the benchmark's own range.</summary>
public sealed record ServicePorts(int Postgres, int GraphQL, int GraphQLH2c, int Web, int Baseline)
{
    public static ServicePorts From(int portBase) => new(portBase + 1, portBase + 10, portBase + 13, portBase + 11, portBase + 12);

    /// <summary>Fails before anything starts when another process already listens on one of the ports.</summary>
    public void EnsureFree()
    {
        foreach (var port in new[] { Postgres, GraphQL, GraphQLH2c, Web, Baseline })
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

    /// <param name="h2c">Where the service's HTTP/2-only endpoint (its appsettings.json's <c>h2c</c>) listens.</param>
    public static Dictionary<string, string> GraphQL(string connectionString, bool resultCachesOn, Uri h2c) => new(PerfSymbols)
    {
        [$"ConnectionStrings__{Database}"] = connectionString,
        [ResultCachesSetting] = resultCachesOn ? "true" : "false",
        ["Kestrel__Endpoints__h2c__Url"] = h2c.ToString().TrimEnd('/'),
    };

    /// <param name="graphqlH2c">The GraphQL service's HTTP/2-only endpoint, which the proxy uses as under the AppHost.</param>
    public static Dictionary<string, string> Web(Uri graphqlH2c) => new(PerfSymbols)
    {
        ["services__graphql__h2c__0"] = graphqlH2c.ToString().TrimEnd('/'),
    };

    public static Dictionary<string, string> Baseline(int responseBytes) => new()
    {
        ["Baseline__ResponseBytes"] = responseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
