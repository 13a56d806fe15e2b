using System.Globalization;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Lets a resolver ask the transport for a status outside GraphQL's own rules, such as 429 when a rate
/// limit refuses the request or 503 when the database is down. The response body stays the GraphQL result
/// with its error code.
/// </summary>
public static class GraphQLHttpStatus
{
    private static readonly object ItemKey = new();

    /// <summary>The status, with a Retry-After header telling the client when to try again (whole seconds, rounded up).</summary>
    public static void RequestRetry(HttpContext context, int statusCode, TimeSpan retryAfter)
    {
        // A query's root fields resolve in parallel, and more than one may ask.
        lock (context.Items)
        {
            context.Items[ItemKey] = statusCode;
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
        }
    }

    public static int Resolve(HttpContext context, int statusCode) =>
        context.Items.TryGetValue(ItemKey, out var requested) && requested is int requestedStatus ? requestedStatus : statusCode;
}
