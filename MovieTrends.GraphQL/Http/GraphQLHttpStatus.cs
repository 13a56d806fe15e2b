namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Lets a resolver ask the transport for a status outside GraphQL's own rules, such as 429 when a rate
/// limit refuses the request. The response body stays the GraphQL result with its error code.
/// </summary>
public static class GraphQLHttpStatus
{
    private static readonly object ItemKey = new();

    public static void Request(HttpContext context, int statusCode) => context.Items[ItemKey] = statusCode;

    public static int Resolve(HttpContext context, int statusCode) =>
        context.Items.TryGetValue(ItemKey, out var requested) && requested is int requestedStatus ? requestedStatus : statusCode;
}
