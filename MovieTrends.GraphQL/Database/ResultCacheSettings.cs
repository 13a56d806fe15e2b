namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Whether answers and whole responses are cached (<c>GraphQL:ResultCaches:Enabled</c>, default on). Off only to
/// measure the uncached path (bench/); every deployment keeps them on.
/// </summary>
public sealed record ResultCacheSettings(bool Enabled)
{
    public const string Key = "GraphQL:ResultCaches:Enabled";
}
