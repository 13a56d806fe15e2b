using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Execution;

/// <summary>A request with its parsed document and the operation it selects, found once and used by every step.</summary>
public readonly record struct PreparedRequest(GraphQLRequest Request, CachedDocument? Document, GraphQLOperationDefinition? Operation)
{
    /// <summary>The selected operation's kind; a query when none is selected (execution then reports why).</summary>
    public OperationType Type => Operation?.Operation ?? OperationType.Query;
}
