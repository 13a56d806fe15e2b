using GraphQL.Execution;
using MovieTrends.GraphQL.Database;

namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// The operation ran out of its execution budget (GraphQL:Limits:ExecutionTimeout): GraphQL.NET answers it with
/// its own TimeoutError, no data, and marks the request as never run. The failure is the service's, not the
/// request's, so the transport answers it as unavailable, to be tried again.
/// </summary>
public static class ExecutionTimeout
{
    /// <summary>The code GraphQL.NET gives its TimeoutError.</summary>
    public static readonly string Code = new TimeoutError().Code!;

    /// <summary>An operation runs out of time mostly waiting on a database that is slow to answer: the same wait.</summary>
    public static readonly TimeSpan RetryAfter = DatabaseFailure.RetryAfter;
}
