using GraphQL;
using GraphQL.Execution;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Http;

namespace MovieTrends.GraphQL.Schema;

/// <summary>
/// Turns resolver exceptions into client-facing errors: catalog errors keep their code and message (they say
/// what to fix); a database that is down or hung becomes DATABASE_UNAVAILABLE or DATABASE_TIMEOUT with HTTP 503
/// and Retry-After, not logged per request (the calls that failed reported it to <see cref="DatabaseAvailability"/>,
/// which logs the outage once); anything else becomes a generic INTERNAL_ERROR, logged here. No SQL or stack
/// trace ever reaches the client.
/// </summary>
public sealed partial class ErrorMapping(IHttpContextAccessor httpContextAccessor, ILogger<ErrorMapping> logger)
{
    public const string InternalErrorCode = "INTERNAL_ERROR";

    public Task HandleAsync(UnhandledExceptionContext context)
    {
        var exception = context.OriginalException;
        if (exception is CatalogQueryException catalogError)
        {
            context.Exception = new ExecutionError(catalogError.Message) { Code = catalogError.Code };
        }
        else if (DatabaseFailure.Classify(exception) is { } failure)
        {
            // Every root field is non-null, so a field the database failed takes the whole data with it:
            // nothing was answered, and 503 says so to caches, proxies and retrying clients.
            if (httpContextAccessor.HttpContext is { } httpContext)
            {
                GraphQLHttpStatus.RequestRetry(httpContext, StatusCodes.Status503ServiceUnavailable, DatabaseFailure.RetryAfter);
            }

            context.Exception = new ExecutionError(failure.Message) { Code = failure.Code };
        }
        else if (exception is not OperationCanceledException)
        {
            LogUnhandled(exception, context.FieldContext?.FieldDefinition.Name ?? "(operation)");
            context.Exception = new ExecutionError(
                "The server could not answer this field; try again later.") { Code = InternalErrorCode };
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolving {Field} failed")]
    private partial void LogUnhandled(Exception exception, string field);
}
