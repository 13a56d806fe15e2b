using GraphQL.Execution;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Errors;
using MovieTrends.ServiceDefaults.Errors;

namespace MovieTrends.GraphQL.Schema;

/// <summary>
/// Turns resolver exceptions into client-facing errors, the only place that does: a <see cref="CodedException"/>
/// (catalog, chat) keeps its code, message and retry time (they say what to fix, or when to come back); a database
/// that is down or hung becomes DATABASE_UNAVAILABLE or DATABASE_TIMEOUT with its retry time, not logged per
/// request (the calls that failed reported it to <see cref="DatabaseAvailability"/>, which logs the outage once);
/// anything else becomes a generic INTERNAL_ERROR, logged here. No SQL or stack trace ever reaches the client.
/// The HTTP status follows from the codes (<see cref="ErrorStatuses"/>), written by the transport alone.
/// </summary>
public sealed partial class ErrorMapping(ILogger<ErrorMapping> logger)
{
    public Task HandleAsync(UnhandledExceptionContext context)
    {
        var exception = context.OriginalException;
        if (exception is CodedException coded)
        {
            context.Exception = coded.ToError();
        }
        else if (DatabaseFailure.Classify(exception) is { } failure)
        {
            context.Exception = new CodedError(failure.Code, failure.Message, DatabaseFailure.RetryAfter);
        }
        else if (exception is not OperationCanceledException)
        {
            LogUnhandled(exception, context.FieldContext?.FieldDefinition.Name ?? "(operation)");
            context.Exception = new CodedError(ErrorCodes.InternalError, "The server could not answer this field; try again later.");
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolving {Field} failed")]
    private partial void LogUnhandled(Exception exception, string field);
}
