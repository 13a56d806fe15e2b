using Microsoft.AspNetCore.Http;

namespace MovieTrends.ServiceDefaults.Errors;

/// <summary>
/// What a service answers when a request fails outside its own handlers: a status, the code clients branch on
/// and a short message. Never the exception's own text, which can echo request bytes or name internals.
/// </summary>
public sealed record ErrorReply(int StatusCode, string Code, string Message, string? CorrelationId = null)
{
    private static readonly ErrorReply Malformed = new(StatusCodes.Status400BadRequest, "MALFORMED_REQUEST",
        "The request is not well-formed HTTP (its body framing or length is broken); send a well-formed request.");

    /// <summary>
    /// The 4xx for an exception the request's own bytes caused (Kestrel could not read the body: bad framing, too
    /// large, too slow), or null when the server is at fault.
    /// </summary>
    public static ErrorReply? ForUnreadableRequest(Exception? exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is BadHttpRequestException badRequest)
            {
                return badRequest.StatusCode == StatusCodes.Status400BadRequest ? Malformed : ForStatus(badRequest.StatusCode);
            }

            // Kestrel reports a few framing errors (a chunk size that overflows) as a plain IOException of its parser.
            if (cause is IOException && IsThrownByKestrelParser(cause))
            {
                return Malformed;
            }
        }

        return null;
    }

    /// <summary>An unexpected fault: the body says only that, with the id that finds the log line.</summary>
    public static ErrorReply ServerFault(string correlationId) =>
        new(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            $"The server failed to answer this request; quote correlation id {correlationId} when reporting it.", correlationId);

    /// <summary>A status some middleware set without a body (routing's 404 and 405, say), given a code and message.</summary>
    public static ErrorReply ForStatus(int statusCode) =>
        statusCode switch
        {
            StatusCodes.Status404NotFound => new(statusCode, ErrorCodes.NotFound, "Nothing is served at this path."),
            StatusCodes.Status405MethodNotAllowed => new(statusCode, ErrorCodes.MethodNotAllowed, "This path does not accept the request's method; see the Allow header."),
            StatusCodes.Status408RequestTimeout => new(statusCode, "REQUEST_TIMEOUT", "The request body arrived too slowly."),
            StatusCodes.Status411LengthRequired => new(statusCode, "LENGTH_REQUIRED", "Send the body with a Content-Length or chunked framing."),
            StatusCodes.Status413PayloadTooLarge => new(statusCode, ErrorCodes.RequestTooLarge, "The request body is too large."),
            StatusCodes.Status414UriTooLong => new(statusCode, "URI_TOO_LONG", "The request target is too long."),
            StatusCodes.Status415UnsupportedMediaType => new(statusCode, ErrorCodes.UnsupportedMediaType, "The request body's media type is not accepted here."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => new(statusCode, "HEADERS_TOO_LARGE", "The request headers are too large."),
            StatusCodes.Status502BadGateway => new(statusCode, "BAD_GATEWAY", "The service behind this one failed to answer; try again shortly."),
            StatusCodes.Status503ServiceUnavailable => new(statusCode, "SERVICE_UNAVAILABLE", "The service is unavailable; try again shortly."),
            StatusCodes.Status504GatewayTimeout => new(statusCode, "GATEWAY_TIMEOUT", "The service behind this one did not answer in time; try again shortly."),
            >= 500 => new(statusCode, ErrorCodes.InternalError, "The server failed to answer this request."),
            _ => new(statusCode, "BAD_REQUEST", "The request cannot be served as sent."),
        };

    private static bool IsThrownByKestrelParser(Exception exception) =>
        exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.", StringComparison.Ordinal) == true;
}
