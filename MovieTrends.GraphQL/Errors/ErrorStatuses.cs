using System.Collections.Frozen;
using GraphQL;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Http;
using MovieTrends.ServiceDefaults.Errors;

namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// The one table from an error code to the HTTP status it is answered with, whoever raised it: the transport
/// refusing a request before GraphQL runs, or a field whose failure means nothing was answered. Every other code
/// keeps GraphQL-over-HTTP's own status: 200 for a request that ran, field errors included, and 400 under
/// graphql-response+json for one that never ran. As graphql-dotnet/server's preferred status codes, but by code,
/// so an error stays plain data and only the transport writes the response.
/// </summary>
public static class ErrorStatuses
{
    private static readonly FrozenDictionary<string, PreferredStatus> StatusByCode = new Dictionary<string, PreferredStatus>
    {
        [RequestProblemCodes.InvalidJson] = new(StatusCodes.Status400BadRequest),
        [RequestProblemCodes.InvalidEncoding] = new(StatusCodes.Status400BadRequest),
        [RequestProblemCodes.InvalidRequest] = new(StatusCodes.Status400BadRequest),
        [RequestProblemCodes.MissingQuery] = new(StatusCodes.Status400BadRequest),
        [ErrorCodes.MethodNotAllowed] = new(StatusCodes.Status405MethodNotAllowed),
        [ErrorCodes.RequestTooLarge] = new(StatusCodes.Status413PayloadTooLarge),
        [ErrorCodes.UnsupportedMediaType] = new(StatusCodes.Status415UnsupportedMediaType),
        [ChatErrorCodes.RateLimited] = new(StatusCodes.Status429TooManyRequests),
        // Every place in execution stayed taken while the request waited its longest: nothing was answered, it was
        // the service's doing, and a place usually frees within a second or two.
        [RequestProblemCodes.ServerBusy] = new(StatusCodes.Status503ServiceUnavailable, TimeSpan.FromSeconds(2)),
        // A dataset that does not exist: nothing can be answered about it, whatever else the request asked.
        [CatalogErrorCodes.UnknownDataset] = new(StatusCodes.Status400BadRequest),
        // A measure or filter the dataset has no data for, or a filter value out of range: the question itself must change.
        [CatalogErrorCodes.MeasureUnavailable] = new(StatusCodes.Status400BadRequest),
        [CatalogErrorCodes.FilterUnavailable] = new(StatusCodes.Status400BadRequest),
        [CatalogErrorCodes.InvalidFilter] = new(StatusCodes.Status400BadRequest),
        // A drill-down cursor this service did not issue, or for another order: the client must start the list again.
        [CatalogErrorCodes.InvalidCursor] = new(StatusCodes.Status400BadRequest),
        // Every root field is non-null, so a field the database failed takes the whole data with it:
        // nothing was answered, and 503 says so to caches, proxies and retrying clients.
        [DatabaseFailure.UnavailableCode] = new(StatusCodes.Status503ServiceUnavailable),
        [DatabaseFailure.TimeoutCode] = new(StatusCodes.Status503ServiceUnavailable),
        // A dataset still being read into memory with the database answering: nothing was answered, and the same
        // request passes once the read is done; its own retry time rides on the error.
        [DataLoadingException.ErrorCode] = new(StatusCodes.Status503ServiceUnavailable),
        // The operation ran out of its execution budget: nothing was answered, and it was the service's doing.
        [ExecutionTimeout.Code] = new(StatusCodes.Status503ServiceUnavailable, ExecutionTimeout.RetryAfter),
    }.ToFrozenDictionary();

    /// <summary>The status of a refusal the transport makes before GraphQL runs, with its retry time if it has one; all of their codes are in the table.</summary>
    public static PreferredStatus For(string code) => StatusByCode[code];

    /// <summary>
    /// The status a result's errors ask for: the first error whose code is in the table decides, with the retry
    /// time it carries, else the table's. Null leaves the status to GraphQL-over-HTTP. A result that never ran holds
    /// validation errors, none of them in the table, or the execution timeout's.
    /// </summary>
    public static PreferredStatus? Of(ExecutionResult result)
    {
        if (result.Errors is not { } errors)
        {
            return null;
        }

        foreach (var error in errors)
        {
            if (error.Code is { } code && StatusByCode.TryGetValue(code, out var status))
            {
                return (error as CodedError)?.RetryAfter is { } retryAfter ? status with { RetryAfter = retryAfter } : status;
            }
        }

        return null;
    }
}
