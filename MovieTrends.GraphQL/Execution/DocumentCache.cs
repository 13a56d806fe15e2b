using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Parsed documents keyed by their text, so a repeated query is parsed once and validated once.
/// A document counts as validated only after a request ran it through every validation rule.
/// </summary>
public sealed class DocumentCache(IDocumentBuilder documentBuilder)
{
    // Clients send a handful of distinct documents; a flood of one-off documents only restarts the cache.
    private const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    /// <returns>The parsed document, or null when the text does not parse (execution then reports the syntax error).</returns>
    public CachedDocument? GetOrParse(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        GraphQLDocument document;
        try
        {
            document = documentBuilder.Build(query);
        }
        catch (SyntaxError)
        {
            return null;
        }

        if (_documents.Count >= MaxEntries)
        {
            _documents.Clear();
        }

        return _documents.GetOrAdd(query, new CachedDocument(document));
    }
}

/// <summary>A parsed document and whether it already passed validation.</summary>
public sealed class CachedDocument(GraphQLDocument document)
{
    private volatile bool _validated;

    public GraphQLDocument Document { get; } = document;

    public bool IsValidated => _validated;

    public void MarkValidated() => _validated = true;

    /// <summary>The operation a request selects: the named one, or the only one when no name is given.</summary>
    public GraphQLOperationDefinition? FindOperation(string? operationName)
    {
        GraphQLOperationDefinition? found = null;
        foreach (var definition in Document.Definitions)
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
