using MovieTrends.Bench.Infrastructure;
using MovieTrends.Bench.Load;

namespace MovieTrends.Bench.Soak;

/// <summary>
/// Runs the soak against services started as deployed (result caches on): real clients' requests and
/// attackers' requests at once, each both direct and through the web proxy, then checks both services
/// still report healthy.
/// </summary>
public sealed class SoakRunner(Wrk wrk, LoadRunner usage, int firstYear, int lastYear)
{
    // Most connections carry valid traffic; a few keep hostile requests flowing the whole time.
    private const int ValidConnections = 24;
    private const int HostileConnections = 4;

    private static readonly HttpClient Health = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<SoakResult> RunAsync(AppServer graphql, AppServer web, TimeSpan duration)
    {
        Console.WriteLine($"  soak · valid and hostile, direct and through the proxy · {duration.TotalSeconds:F0} s");
        (SoakKind Kind, Route Route, int Connections, Uri Url)[] plan =
        [
            (SoakKind.Valid, Route.Direct, ValidConnections, graphql.GraphQL),
            (SoakKind.Valid, Route.Proxy, ValidConnections, web.GraphQL),
            (SoakKind.Hostile, Route.Direct, HostileConnections, graphql.GraphQL),
            (SoakKind.Hostile, Route.Proxy, HostileConnections, web.GraphQL),
        ];

        var (results, used) = await usage.UsageDuringAsync(
            () => Task.WhenAll(plan.Select(stream => wrk.SoakAsync(stream.Url, stream.Kind, stream.Connections, duration, firstYear, lastYear))),
            [graphql, web]);
        var streams = plan.Select((stream, index) => new SoakStream(stream.Kind, stream.Route, stream.Connections, results[index])).ToArray();
        var healthy = await IsHealthyAsync(graphql) && await IsHealthyAsync(web);
        return new SoakResult(duration, streams, used, healthy);
    }

    private static async Task<bool> IsHealthyAsync(AppServer server)
    {
        try
        {
            using var response = await Health.GetAsync(new Uri(server.BaseAddress, "/health"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
