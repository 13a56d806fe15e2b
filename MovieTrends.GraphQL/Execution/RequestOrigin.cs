using System.Net;
using GraphQL;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Who sent a request, as the transport saw it: the connection's address and the request's headers. The
/// transport hands it to the execution in the GraphQL user context, so a resolver that needs it (the chat's
/// per-client allowance) reads it there and never holds the HTTP context, whose response is the transport's.
/// </summary>
public sealed record RequestOrigin(IPAddress? RemoteAddress, IHeaderDictionary Headers)
{
    private const string UserContextKey = nameof(RequestOrigin);

    public static RequestOrigin Of(HttpContext context) => new(context.Connection.RemoteIpAddress, context.Request.Headers);

    /// <summary>The origin the transport put in the resolver's user context; null when executed without one.</summary>
    public static RequestOrigin? Of(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(UserContextKey, out var origin) ? origin as RequestOrigin : null;

    public Dictionary<string, object?> ToUserContext() => new() { [UserContextKey] = this };
}
