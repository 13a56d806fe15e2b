namespace MovieTrends.ServiceDefaults.Errors;

/// <summary>
/// The codes both the shared error replies and a service's own transport answer with, spelt once so a client
/// branches on one code whichever layer refused it.
/// </summary>
public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string InternalError = "INTERNAL_ERROR";
}
