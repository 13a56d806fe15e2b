using GraphQL;

namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// A GraphQL error as the result carries it: the code and message clients see, and, kept out of the body,
/// when to try again, which the transport sends as Retry-After.
/// </summary>
public sealed class CodedError : ExecutionError
{
    public CodedError(string code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        RetryAfter = retryAfter;
    }

    public TimeSpan? RetryAfter { get; }
}
