namespace MovieTrends.GraphQL.Errors;

/// <summary>
/// A request refused for a reason the client can act on: <see cref="Code"/> is what it branches on, the message
/// says what to fix and is safe to show, and <see cref="RetryAfter"/> is set when the same request may pass later.
/// <see cref="Extensions"/>, when given, go into the error's extensions beside the code (what the refusal was about).
/// Resolvers and the services under them throw these and do nothing else about the error: the schema's error
/// mapping turns them into GraphQL errors and <see cref="ErrorStatuses"/> picks the HTTP status from the code.
/// </summary>
public abstract class CodedException(
    string code,
    string message,
    TimeSpan? retryAfter = null,
    IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    public CodedError ToError()
    {
        var error = new CodedError(Code, Message, RetryAfter);
        if (Extensions is not null)
        {
            error.Extensions = new Dictionary<string, object?>(Extensions);
        }

        return error;
    }
}
