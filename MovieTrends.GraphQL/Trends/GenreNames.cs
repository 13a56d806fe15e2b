using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Trends;

/// <summary>
/// Resolves the genre names a client asks for to the catalog's spelling.
/// Matching ignores case ("science fiction" finds "Science Fiction") because users type genres by hand;
/// answers always carry the catalog's spelling. A name asked twice counts once.
/// </summary>
internal static class GenreNames
{
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> requested, IReadOnlyList<string> known)
    {
        var resolved = new List<string>(requested.Count);
        foreach (var name in requested)
        {
            var match = Find(name, known) ?? throw CatalogQueryException.UnknownGenre(name, known);
            if (!resolved.Contains(match))
            {
                resolved.Add(match);
            }
        }

        return resolved;
    }

    private static string? Find(string name, IReadOnlyList<string> known)
    {
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
