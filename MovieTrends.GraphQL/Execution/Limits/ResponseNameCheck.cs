using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>
/// Bounds how many fields share one response name where GraphQL.NET's OverlappingFieldsCanBeMerged compares
/// them pairwise: in a selection set with its fragments expanded, and in the merged sub-selections of fields
/// that share a name. Unbounded, 300 fields named alike with different arguments cost seconds and 45,000
/// errors. Runs after <see cref="FragmentExpansion"/> has bounded the expanded document, so expanding
/// fragments here is bounded work too.
/// </summary>
internal sealed class ResponseNameCheck
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly int _maxSameName;

    private ResponseNameCheck(GraphQLDocument document, int maxSameName)
    {
        _maxSameName = maxSameName;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }
    }

    public static LimitBreach? Check(GraphQLDocument document, int maxSameName)
    {
        var check = new ResponseNameCheck(document, maxSameName);
        foreach (var definition in document.Definitions)
        {
            var selectionSet = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            if (selectionSet is not null && !check.WithinLimit([selectionSet]))
            {
                return new LimitBreach(
                    LimitBreach.TooComplex,
                    $"More than {maxSameName} fields share one response name in a selection set (fragments included); give them distinct aliases or split the request.");
            }
        }

        return null;
    }

    /// <summary>Selection sets that merge into one response object, and recursively their fields' sub-selections.</summary>
    private bool WithinLimit(List<GraphQLSelectionSet> merged)
    {
        var fieldsByName = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        foreach (var selectionSet in merged)
        {
            Collect(selectionSet, fieldsByName);
        }

        foreach (var fields in fieldsByName.Values)
        {
            if (fields.Count > _maxSameName)
            {
                return false;
            }

            var children = fields.Where(field => field.SelectionSet is not null).Select(field => field.SelectionSet!).ToList();
            if (children.Count > 0 && !WithinLimit(children))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields a selection set yields at its own level, through inline fragments and spreads.</summary>
    private void Collect(GraphQLSelectionSet selectionSet, Dictionary<string, List<GraphQLField>> fieldsByName)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!fieldsByName.TryGetValue(name, out var fields))
                    {
                        fieldsByName[name] = fields = [];
                    }

                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fieldsByName);
                    break;
                case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, fieldsByName);
                    break;
            }
        }
    }
}
