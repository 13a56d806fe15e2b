using System.Globalization;

namespace MovieTrends.GraphQL.Errors;

/// <summary>The HTTP status an answer's errors ask for, and when the client may try again.</summary>
public sealed record PreferredStatus(int StatusCode, TimeSpan? RetryAfter = null)
{
    /// <summary>Retry-After in whole seconds, rounded up so a client never comes back too early.</summary>
    public string? RetryAfterHeader => RetryAfter is { } wait
        ? Math.Ceiling(wait.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)
        : null;
}
