using GraphQL;
using MovieTrends.GraphQL.Errors;

namespace MovieTrends.GraphQL.Execution;

/// <summary>The outcome of one request: the serialized response and what the transport needs to label it.</summary>
/// <param name="PreferredStatus">The status its errors' codes ask for (<see cref="ErrorStatuses"/>), if any.</param>
public sealed record GraphQLExecution(
    byte[] Body,
    string OperationName,
    string OperationType,
    bool Executed,
    bool HasErrors,
    PreferredStatus? PreferredStatus = null)
{
    public const string Anonymous = "(anonymous)";

    /// <summary>Only clean query answers may be replayed: mutations act, errors may be transient.</summary>
    public bool IsCacheable => Executed && !HasErrors && OperationType == "query";

    public static string TypeName(GraphQLParser.AST.OperationType type) => type switch
    {
        GraphQLParser.AST.OperationType.Mutation => "mutation",
        GraphQLParser.AST.OperationType.Subscription => "subscription",
        _ => "query",
    };

    public static string OutcomeOf(ExecutionResult result) =>
        !result.Executed ? "invalid" : result.Errors is { Count: > 0 } ? "error" : "success";
}
