namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>What one operation or fragment selects by itself, before the fragments it spreads are expanded.</summary>
internal sealed class DefinitionShape
{
    /// <summary>Fields, fragment spreads and inline fragments written in the definition.</summary>
    public long Selections { get; set; }

    /// <summary>Deepest field nesting, top-level fields being 1.</summary>
    public int FieldDepth { get; set; }

    /// <summary>Deepest nesting of inline fragments.</summary>
    public int FragmentDepth { get; set; }

    public List<FragmentUse> Spreads { get; } = [];
}

/// <summary>A fragment spread and where it sits: under how many fields and how many fragments, itself included.</summary>
internal readonly record struct FragmentUse(string Name, int FieldDepth, int FragmentDepth);
