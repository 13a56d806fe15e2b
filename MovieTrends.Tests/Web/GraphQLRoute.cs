using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>
/// For browser tests that route the page's /graphql requests: which operation a request carries, and the 503 the
/// service sends when it asks the client to wait (DATA_LOADING, SERVER_BUSY).
/// </summary>
public static class GraphQLRoute
{
    /// <summary>Whether the request's body carries <paramref name="operation"/>, e.g. "query GenreTrends".</summary>
    public static bool Carries(IRequest request, string operation) =>
        request.PostData?.Contains(operation, StringComparison.Ordinal) == true;

    /// <summary>Answers 503 with <paramref name="body"/> and a Retry-After of <paramref name="retryAfterSeconds"/>.</summary>
    public static Task UnavailableAsync(IRoute route, int retryAfterSeconds, string body) => route.FulfillAsync(new()
    {
        Status = 503,
        ContentType = "application/graphql-response+json",
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Body = body,
    });
}
