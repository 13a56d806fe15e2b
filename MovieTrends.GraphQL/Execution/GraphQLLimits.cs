namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// What one request may cost. Bound from the "GraphQL:Limits" configuration section; the defaults let the
/// explorer's introspection query and every example through, and stop documents built to exhaust the server.
/// </summary>
public sealed class GraphQLLimits
{
    public const string SectionName = "GraphQL:Limits";

    /// <summary>Largest request body accepted, in bytes (413 past it).</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest selection nesting (the introspection query needs 13).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest complexity score, as GraphQL.NET's complexity analyzer computes it.</summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Most field selections in one document.</summary>
    public int MaxFields { get; set; } = 300;

    /// <summary>Most aliases in one document.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Longest an operation may run before it is answered with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
