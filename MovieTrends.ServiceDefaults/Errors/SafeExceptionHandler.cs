using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MovieTrends.ServiceDefaults.Errors;

/// <summary>
/// Answers every exception that escapes a handler, in every environment: a request Kestrel could not read is
/// the client's 4xx; anything else is a 500 that says only that, with a correlation id (the trace id) that is also
/// in the logged exception. No exception text, type or stack ever reaches the client.
/// </summary>
public sealed partial class SafeExceptionHandler(ErrorReplyWriter writer, ILogger<SafeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var reply = ErrorReply.ForUnreadableRequest(exception);
        if (reply is not null)
        {
            LogUnreadableRequest(logger, reply.StatusCode, reply.Code, exception.Message);
        }
        else
        {
            reply = ErrorReply.ServerFault(CorrelationId(context));
            LogServerFault(logger, exception, context.Request.Method, context.Request.Path.Value ?? "", reply.CorrelationId!);
        }

        await writer.WriteAsync(context, reply);
        return true;
    }

    /// <summary>The trace id, which the dashboard and every log line of the request carry; Kestrel's request id without tracing.</summary>
    public static string CorrelationId(HttpContext context) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.TraceId.ToHexString()
            : context.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected fault answering {Method} {Path}; correlation id {CorrelationId}")]
    private static partial void LogServerFault(ILogger logger, Exception exception, string method, string path, string correlationId);

    // The client's mistake, not the server's: kept out of the error log, with Kestrel's reason for whoever debugs a client.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable request with {StatusCode} {Code}: {Reason}")]
    private static partial void LogUnreadableRequest(ILogger logger, int statusCode, string code, string reason);
}
