using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Routes a page's catalog requests: each is answered with a 503 wait (Retry-After 1 s) until <see cref="Answer"/>,
/// then let through, and counted.
/// </summary>
public sealed class WaitingCatalog
{
    private readonly string _body;
    private int _answering;
    private int _asked;

    private WaitingCatalog(string body) => _body = body;

    /// <summary>Catalog requests so far: held back, then let through.</summary>
    public int Asked => Volatile.Read(ref _asked);

    /// <param name="body">The 503's body: <see cref="GraphQLRoute.ServerBusy"/> or <see cref="GraphQLRoute.DataLoading"/>.</param>
    public static async Task<WaitingCatalog> RouteAsync(IPage page, string body)
    {
        var catalog = new WaitingCatalog(body);
        await page.RouteAsync("**/graphql", catalog.AnswerAsync);
        return catalog;
    }

    /// <summary>From now on the service answers the catalog.</summary>
    public void Answer() => Volatile.Write(ref _answering, 1);

    private Task AnswerAsync(IRoute route)
    {
        if (!GraphQLRoute.Carries(route.Request, "query Catalog"))
        {
            return route.ContinueAsync();
        }

        Interlocked.Increment(ref _asked);
        return Volatile.Read(ref _answering) == 1 ? route.ContinueAsync() : GraphQLRoute.UnavailableAsync(route, retryAfterSeconds: 1, _body);
    }
}
