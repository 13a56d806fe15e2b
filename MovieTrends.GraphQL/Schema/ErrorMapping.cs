using GraphQL;
using GraphQL.Execution;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Schema;

/// <summary>
/// Turns resolver exceptions into client-facing errors: catalog errors keep their code and message (they say
/// what to fix); anything else becomes a generic INTERNAL_ERROR, logged here, so no SQL or stack trace leaks.
/// </summary>
public sealed partial class ErrorMapping(ILogger<ErrorMapping> logger)
{
    public const string InternalErrorCode = "INTERNAL_ERROR";

    public Task HandleAsync(UnhandledExceptionContext context)
    {
        if (context.OriginalException is CatalogQueryException catalogError)
        {
            context.Exception = new ExecutionError(catalogError.Message) { Code = catalogError.Code };
        }
        else if (context.OriginalException is not OperationCanceledException)
        {
            LogUnhandled(context.OriginalException, context.FieldContext?.FieldDefinition.Name ?? "(operation)");
            context.Exception = new ExecutionError(
                "The server could not answer this field; try again later.") { Code = InternalErrorCode };
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolving {Field} failed")]
    private partial void LogUnhandled(Exception exception, string field);
}
