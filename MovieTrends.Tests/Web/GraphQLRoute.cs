using System.Text.RegularExpressions;
using System.Web;
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

    /// <summary>The page's requests to the API: a query as GET with its parameters, anything else as POST to the bare path.</summary>
    public static readonly Regex Url = new(@"/graphql(\?[^/]*)?$");

    /// <summary>
    /// What a request to the API asks, whichever way the page sent it: a POST's body, or a GET's query and variables
    /// (decoded; the variables are the same JSON text a POST body holds). Empty for anything else.
    /// </summary>
    public static string Operation(IRequest request)
    {
        var url = new Uri(request.Url);
        if (url.AbsolutePath != "/graphql")
        {
            return "";
        }

        if (request.Method != "GET")
        {
            return request.PostData ?? "";
        }

        var parameters = HttpUtility.ParseQueryString(url.Query);
        return $"{parameters["query"]}\n{parameters["variables"]}";
    }

    /// <summary>Whether the request asks <paramref name="operation"/>, e.g. "query GenreTrends" or a variable's JSON.</summary>
    public static bool Carries(IRequest request, string operation) =>
        Operation(request).Contains(operation, StringComparison.Ordinal);

    /// <summary>Answers 503 with <paramref name="body"/> and a Retry-After of <paramref name="retryAfterSeconds"/>.</summary>
    public static Task UnavailableAsync(IRoute route, int retryAfterSeconds, string body) => route.FulfillAsync(new()
    {
        Status = 503,
        ContentType = "application/graphql-response+json",
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Body = body,
    });
}
