using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Execution.Limits;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Parsed documents keyed by their text, so a repeated query is parsed once and validated once. Only
/// documents within the limits are kept: a new document is measured by <see cref="DocumentShapeCheck"/>
/// right after parsing, before any validation rule sees it.
/// </summary>
public sealed class DocumentCache(IDocumentBuilder documentBuilder, IOptions<GraphQLLimits> limits)
{
    // Clients send a handful of distinct documents; a flood of one-off documents only restarts the cache.
    private const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);
    private readonly GraphQLLimits _limits = limits.Value;

    /// <returns>
    /// The parsed document; a refused one (not kept) when it breaks a limit; null when the text does not
    /// parse (execution then reports the syntax error).
    /// </returns>
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
        catch (GraphQLMaxDepthExceededException)
        {
            return CachedDocument.Refused(LimitBreach.ParserDepthExceeded());
        }

        if (DocumentShapeCheck.Check(document, _limits) is { } breach)
        {
            return CachedDocument.Refused(breach);
        }

        if (_documents.Count >= MaxEntries)
        {
            _documents.Clear();
        }

        return _documents.GetOrAdd(query, new CachedDocument(document));
    }
}
