using GraphQLParser.AST;
using MovieTrends.GraphQL.Execution.Limits;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// A parsed document and which of its operations already passed validation, or why it is refused. Validation
/// is remembered per operation: the cost limits measure the operation a request selects, so another
/// operation of the same document must be validated on its own.
/// </summary>
public sealed class CachedDocument
{
    private readonly Lock _gate = new();
    private GraphQLOperationDefinition[] _validated = [];

    public CachedDocument(GraphQLDocument document) => Document = document;

    private CachedDocument(LimitBreach breach) => Breach = breach;

    public static CachedDocument Refused(LimitBreach breach) => new(breach);

    /// <summary>Null when the document is refused.</summary>
    public GraphQLDocument? Document { get; }

    /// <summary>Why the document is refused before validation, or null.</summary>
    public LimitBreach? Breach { get; }

    public bool IsValidated(GraphQLOperationDefinition? operation) =>
        operation is not null && Array.IndexOf(Volatile.Read(ref _validated), operation) >= 0;

    public void MarkValidated(GraphQLOperationDefinition operation)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_validated, operation) < 0)
            {
                Volatile.Write(ref _validated, [.. _validated, operation]);
            }
        }
    }

    /// <summary>The operation a request selects: the named one, or the only one when no name is given.</summary>
    public GraphQLOperationDefinition? FindOperation(string? operationName)
    {
        GraphQLOperationDefinition? found = null;
        foreach (var definition in Document?.Definitions ?? [])
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (found is not null)
                {
                    return null;
                }

                found = operation;
            }
            else if (operation.Name is { } name && name.Value.Span.SequenceEqual(operationName))
            {
                return operation;
            }
        }

        return found;
    }
}
