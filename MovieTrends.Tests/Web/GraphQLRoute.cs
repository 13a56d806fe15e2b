using Microsoft.Playwright;

namespace MovieTrends.Tests.Web;

/// <summary>
/// For browser tests that route the page's /graphql requests: which operation a request carries, and the 503 the
/// service sends when it asks the client to wait (DATA_LOADING, SERVER_BUSY).
/// </summary>
public static class GraphQLRoute
{
    /// <summary>The page's bound on automatic tries in a row after a wait (wait-retry.js, MAX_AUTOMATIC_RETRIES).</summary>
    public const int AutomaticRetries = 6;

    /// <summary>The service's answer when no place in execution came free in time (docs/api.md, "Admission").</summary>
    public const string ServerBusy =
        """{"errors":[{"message":"The service is answering as many requests as it can and none finished within 5 seconds to make room for this one; send it again in 2 seconds.","extensions":{"code":"SERVER_BUSY"}}]}""";

    /// <summary>The service's answer while it reads the default dataset into memory.</summary>
    public const string DataLoading =
        """{"errors":[{"message":"The dataset 'tmdb-5000' is still being loaded; try again in 5 seconds.","extensions":{"code":"DATA_LOADING","dataset":"tmdb-5000"}}],"data":null}""";

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
