namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>
/// What each definition selects once its fragment spreads are expanded, computed without expanding them:
/// each fragment is measured once (memoized depth-first search), so a document whose fragments fan out
/// 2^n is measured in linear time, a cycle is found instead of followed, and a chain of fragments is
/// followed no deeper than the depth limit.
/// </summary>
internal sealed class FragmentExpansion(IReadOnlyDictionary<string, DefinitionShape> fragments, GraphQLLimits limits)
{
    // Sums saturate here: past the limit only "too many" matters, and 2^n fan-out would overflow a long.
    private const long Saturated = int.MaxValue;

    private readonly Dictionary<string, Expanded> _expanded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private LimitBreach? _breach;

    /// <summary>Every operation and every fragment (validation walks each), and their expanded total.</summary>
    public LimitBreach? Check(IEnumerable<DefinitionShape> operations)
    {
        long total = 0;
        foreach (var definition in operations.Concat(fragments.Values))
        {
            var expanded = Expand(definition, nesting: 0);
            if (_breach is not null)
            {
                return _breach;
            }

            if (expanded.FieldDepth > limits.MaxDepth)
            {
                return new LimitBreach(
                    LimitBreach.TooDeep,
                    $"Selections nest more than {limits.MaxDepth} levels deep (fragments included); ask for less nested data.");
            }

            if (expanded.FragmentDepth > limits.MaxDepth)
            {
                return FragmentsTooDeep();
            }

            total = Math.Min(total + expanded.Selections, Saturated);
            if (total > limits.MaxExpandedSelections)
            {
                return new LimitBreach(
                    LimitBreach.TooComplex,
                    $"With its fragments expanded the document selects more than {limits.MaxExpandedSelections} fields and fragments; spread fewer fragments or split it into several requests.");
            }
        }

        return null;
    }

    private Expanded Expand(DefinitionShape definition, int nesting)
    {
        var selections = definition.Selections;
        var fieldDepth = definition.FieldDepth;
        var fragmentDepth = definition.FragmentDepth;
        foreach (var use in definition.Spreads)
        {
            var fragment = ExpandFragment(use.Name, nesting + 1);
            if (_breach is not null)
            {
                return default;
            }

            selections = Math.Min(selections + fragment.Selections, Saturated);
            fieldDepth = Math.Max(fieldDepth, use.FieldDepth + fragment.FieldDepth);
            fragmentDepth = Math.Max(fragmentDepth, use.FragmentDepth + fragment.FragmentDepth);
        }

        return new Expanded(selections, fieldDepth, fragmentDepth);
    }

    private Expanded ExpandFragment(string name, int nesting)
    {
        if (_expanded.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment))
        {
            // An unknown fragment adds nothing here; validation reports it.
            return default;
        }

        if (nesting > limits.MaxDepth)
        {
            _breach = FragmentsTooDeep();
            return default;
        }

        if (!_inProgress.Add(name))
        {
            _breach = new LimitBreach(
                LimitBreach.FragmentCycle,
                "A fragment spreads itself, directly or through other fragments; remove the cycle.");
            return default;
        }

        var expanded = Expand(fragment, nesting);
        _inProgress.Remove(name);
        _expanded[name] = expanded;
        return expanded;
    }

    private LimitBreach FragmentsTooDeep() => new(
        LimitBreach.TooDeep,
        $"Fragments and inline fragments nest more than {limits.MaxDepth} levels deep; inline some of them.");

    private readonly record struct Expanded(long Selections, int FieldDepth, int FragmentDepth);
}
