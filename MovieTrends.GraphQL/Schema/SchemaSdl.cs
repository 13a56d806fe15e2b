using System.Text;
using GraphQL;
using GraphQL.Utilities;

namespace MovieTrends.GraphQL.Schema;

/// <summary>The schema printed as SDL, once: served at GET /graphql?sdl and kept in the repository as a snapshot.</summary>
public sealed class SchemaSdl(MovieTrendsSchema schema)
{
    private readonly Lazy<byte[]> _utf8 = new(() => Encoding.UTF8.GetBytes(Print(schema)));

    public ReadOnlyMemory<byte> Utf8 => _utf8.Value;

    public static string Print(MovieTrendsSchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n") + "\n";
    }
}
