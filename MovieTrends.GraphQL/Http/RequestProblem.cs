using MovieTrends.GraphQL.Errors;
using MovieTrends.ServiceDefaults.Errors;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Why a request was refused before GraphQL ran, with the code clients branch on; the status is the code's,
/// from <see cref="ErrorStatuses"/>.
/// </summary>
public sealed record RequestProblem(string Code, string Message)
{
    public int StatusCode => ErrorStatuses.For(Code).StatusCode;

    /// <summary>Retry-After in seconds, when the code's status says when to come back.</summary>
    public string? RetryAfterHeader => ErrorStatuses.For(Code).RetryAfterHeader;

    public static RequestProblem InvalidJson() =>
        new(RequestProblemCodes.InvalidJson, "The request body is not valid JSON; send a JSON object like {\"query\": \"{ catalog { movieCount } }\"}.");

    /// <summary>The body's bytes or escapes are not Unicode text: invalid UTF-8, another encoding, or an unpaired surrogate.</summary>
    public static RequestProblem InvalidEncoding(string message) =>
        new(RequestProblemCodes.InvalidEncoding, message);

    public static RequestProblem UnpairedSurrogate() =>
        InvalidEncoding("A JSON string holds an unpaired surrogate escape (\\uD800 to \\uDFFF alone), which is not text; escape whole characters.");

    public static RequestProblem InvalidRequest(string message) =>
        new(RequestProblemCodes.InvalidRequest, message);

    public static RequestProblem MissingQuery() =>
        new(RequestProblemCodes.MissingQuery, "The request has no 'query'; send the GraphQL document in a 'query' string.");

    public static RequestProblem TooLarge(int maxBytes) =>
        new(ErrorCodes.RequestTooLarge, $"The request body is larger than {maxBytes} bytes; send a smaller document.");

    public static RequestProblem UnsupportedMediaType() =>
        new(ErrorCodes.UnsupportedMediaType, "POST a JSON body with 'Content-Type: application/json'.");

    /// <summary>Every place in execution stayed taken for as long as a request may wait for one.</summary>
    public static RequestProblem Busy(TimeSpan waited) =>
        new(RequestProblemCodes.ServerBusy,
            $"The service is answering as many requests as it can and none finished within {waited.TotalSeconds:0.###} seconds to make room for this one; send it again in {ErrorStatuses.For(RequestProblemCodes.ServerBusy).RetryAfterHeader} seconds.");

    public static RequestProblem MutationOverGet() =>
        new(ErrorCodes.MethodNotAllowed, "Mutations are only accepted over POST.");
}

/// <summary>The transport's own refusal codes; the ones the shared error replies use too are in <see cref="ErrorCodes"/>.</summary>
public static class RequestProblemCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidEncoding = "INVALID_ENCODING";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string MissingQuery = "MISSING_QUERY";

    /// <summary>The request waited its longest for a place in execution (GraphQL:Limits:AdmissionTimeout) and got none.</summary>
    public const string ServerBusy = "SERVER_BUSY";
}
