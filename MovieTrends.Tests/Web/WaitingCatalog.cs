using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>
/// Routes a page's catalog requests: each is answered with a 503 wait (Retry-After 1 s) until <see cref="Answer"/>,
/// then let through, and counted. A request for the dataset <c>passing</c> goes through all along, uncounted.
/// </summary>
public sealed class WaitingCatalog
{
    private readonly string _body;
    private readonly string? _passing;
    private int _answering;
    private int _asked;

    private WaitingCatalog(string body, string? passing)
    {
        _body = body;
        _passing = passing;
    }

    /// <summary>Catalog requests so far (but those for <c>passing</c>): held back, then let through.</summary>
    public int Asked => Volatile.Read(ref _asked);

    /// <param name="body">The 503's body: <see cref="GraphQLRoute.ServerBusy"/> or <see cref="GraphQLRoute.DataLoading"/>.</param>
    /// <param name="passing">A dataset whose catalog the service answers all along (e.g. one a link names).</param>
    public static async Task<WaitingCatalog> RouteAsync(IPage page, string body, string? passing = null)
    {
        var catalog = new WaitingCatalog(body, passing);
        await page.RouteAsync(GraphQLRoute.Url, catalog.AnswerAsync);
        return catalog;
    }

    /// <summary>From now on the service answers the catalog.</summary>
    public void Answer() => Volatile.Write(ref _answering, 1);

    private Task AnswerAsync(IRoute route)
    {
        var request = route.Request;
        if (!GraphQLRoute.Carries(request, "query Catalog")
            || (_passing is not null && GraphQLRoute.Carries(request, $"\"dataset\":\"{_passing}\"")))
        {
            return route.ContinueAsync();
        }

        Interlocked.Increment(ref _asked);
        return Volatile.Read(ref _answering) == 1 ? route.ContinueAsync() : GraphQLRoute.UnavailableAsync(route, retryAfterSeconds: 1, _body);
    }
}
