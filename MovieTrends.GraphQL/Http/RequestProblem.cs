namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Why a request was refused before GraphQL ran, with the status code and the code clients branch on.
/// </summary>
public sealed record RequestProblem(int StatusCode, string Code, string Message)
{
    public static RequestProblem InvalidJson() =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is not valid JSON; send a JSON object like {\"query\": \"{ catalog { movieCount } }\"}.");

    /// <summary>The body's bytes or escapes are not Unicode text: invalid UTF-8, another encoding, or an unpaired surrogate.</summary>
    public static RequestProblem InvalidEncoding(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_ENCODING", message);

    public static RequestProblem UnpairedSurrogate() =>
        InvalidEncoding("A JSON string holds an unpaired surrogate escape (\\uD800 to \\uDFFF alone), which is not text; escape whole characters.");

    public static RequestProblem InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);

    public static RequestProblem MissingQuery() =>
        new(StatusCodes.Status400BadRequest, "MISSING_QUERY", "The request has no 'query'; send the GraphQL document in a 'query' string.");

    public static RequestProblem TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {maxBytes} bytes; send a smaller document.");

    public static RequestProblem UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "POST a JSON body with 'Content-Type: application/json'.");

    public static RequestProblem MutationOverGet() =>
        new(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations are only accepted over POST.");
}
