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

    /// <summary>
    /// Deepest nesting of selections through fragments (the introspection query needs 13), and equally of
    /// fragments within fragments and of list and object values.
    /// </summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most nodes in one document: definitions, variable definitions, selections, arguments, directives and values.</summary>
    public int MaxNodes { get; set; } = 2_000;

    /// <summary>Most fields, fragment spreads and inline fragments once every fragment spread is expanded.</summary>
    public int MaxExpandedSelections { get; set; } = 2_000;

    /// <summary>Most selections sharing one response name in a selection set, fragments included.</summary>
    public int MaxSameResponseName { get; set; } = 30;

    /// <summary>Most errors in one reply; the rest are summed up in one TOO_MANY_ERRORS error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>Largest complexity score, as GraphQL.NET's complexity analyzer computes it.</summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Most field selections in one document.</summary>
    public int MaxFields { get; set; } = 300;

    /// <summary>Most aliases in one document.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>
    /// Longest an operation may run before it is answered with a TIMEOUT error. GraphQL.NET's validation
    /// observes neither this nor the request's cancellation, so the document limits above bound it instead.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most requests executing at once; the rest wait their turn, holding only their body. Unset: twice the
    /// core count plus the database pool's size (16 unless the connection string says otherwise).
    /// </summary>
    public int? MaxConcurrentExecutions { get; set; }

    /// <summary>Longest a request waits for its turn to execute before it is answered SERVER_BUSY (503).</summary>
    public TimeSpan AdmissionTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
