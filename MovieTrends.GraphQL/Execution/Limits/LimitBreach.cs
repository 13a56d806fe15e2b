using GraphQL;

namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>Why a document is refused before GraphQL.NET validates it: the code clients branch on and what to change.</summary>
public sealed record LimitBreach(string Code, string Message)
{
    public const string TooLong = "QUERY_TOO_LONG";
    public const string TooDeep = "QUERY_TOO_DEEP";
    public const string TooComplex = "QUERY_TOO_COMPLEX";
    public const string FragmentCycle = "FRAGMENT_CYCLE";
    public const string SelectionLimit = "SELECTION_LIMIT_EXCEEDED";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>The parser's own recursion guard (128 syntax tree levels) tripped.</summary>
    public static LimitBreach ParserDepthExceeded() => new(
        TooDeep, "The document nests selections, fragments, lists or objects too deeply to parse; flatten it.");

    public static LimitBreach SubscriptionsNotSupported() => new(
        OperationNotSupported, "Subscriptions are not supported; send a query or a mutation.");

    public ExecutionError ToError() => new(Message) { Code = Code };

    /// <summary>The answer of a request that never ran: only this error, no data (400 under graphql-response+json).</summary>
    public ExecutionResult ToResult() => new() { Errors = [ToError()], Executed = false };
}
