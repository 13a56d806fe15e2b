using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>
/// One walk over a parsed document: counts its nodes, fields and aliases, the nesting of its list and object
/// values, and the shape of each definition. Linear in the document; the recursion is bounded by the parser's
/// own depth limit.
/// </summary>
internal sealed class DocumentMeasure
{
    /// <summary>Definitions, selections, arguments, directives, variable definitions and values.</summary>
    public int Nodes { get; private set; }

    public int Fields { get; private set; }

    public int Aliases { get; private set; }

    /// <summary>Deepest nesting of list and object values, and of list types in variable definitions.</summary>
    public int ValueDepth { get; private set; }

    public List<DefinitionShape> Operations { get; } = [];

    /// <summary>Fragments by name; a repeated name keeps the first (validation reports the duplicate).</summary>
    public Dictionary<string, DefinitionShape> Fragments { get; } = new(StringComparer.Ordinal);

    public static DocumentMeasure Of(GraphQLDocument document)
    {
        var measure = new DocumentMeasure();
        foreach (var definition in document.Definitions)
        {
            measure.Nodes++;
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    measure.Operations.Add(measure.MeasureOperation(operation));
                    break;
                case GraphQLFragmentDefinition fragment:
                    var shape = measure.MeasureDefinition(fragment.Directives, fragment.SelectionSet);
                    measure.Fragments.TryAdd(fragment.FragmentName.Name.StringValue, shape);
                    break;
            }
        }

        return measure;
    }

    private DefinitionShape MeasureOperation(GraphQLOperationDefinition operation)
    {
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            Nodes++;
            MeasureType(variable.Type, 0);
            if (variable.DefaultValue is { } defaultValue)
            {
                MeasureValue(defaultValue, 0);
            }

            MeasureDirectives(variable.Directives);
        }

        return MeasureDefinition(operation.Directives, operation.SelectionSet);
    }

    private DefinitionShape MeasureDefinition(GraphQLDirectives? directives, GraphQLSelectionSet selectionSet)
    {
        var shape = new DefinitionShape();
        MeasureDirectives(directives);
        MeasureSelections(selectionSet, shape, fieldDepth: 0, fragmentDepth: 0);
        return shape;
    }

    private void MeasureSelections(GraphQLSelectionSet selectionSet, DefinitionShape shape, int fieldDepth, int fragmentDepth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            Nodes++;
            shape.Selections++;
            switch (selection)
            {
                case GraphQLField field:
                    Fields++;
                    if (field.Alias is not null)
                    {
                        Aliases++;
                    }

                    shape.FieldDepth = Math.Max(shape.FieldDepth, fieldDepth + 1);
                    MeasureArguments(field.Arguments);
                    MeasureDirectives(field.Directives);
                    if (field.SelectionSet is { } children)
                    {
                        MeasureSelections(children, shape, fieldDepth + 1, fragmentDepth);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    MeasureDirectives(spread.Directives);
                    shape.Spreads.Add(new FragmentUse(spread.FragmentName.Name.StringValue, fieldDepth, fragmentDepth + 1));
                    break;
                case GraphQLInlineFragment inline:
                    MeasureDirectives(inline.Directives);
                    shape.FragmentDepth = Math.Max(shape.FragmentDepth, fragmentDepth + 1);
                    MeasureSelections(inline.SelectionSet, shape, fieldDepth, fragmentDepth + 1);
                    break;
            }
        }
    }

    private void MeasureDirectives(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            Nodes++;
            MeasureArguments(directive.Arguments);
        }
    }

    private void MeasureArguments(GraphQLArguments? arguments)
    {
        foreach (var argument in arguments?.Items ?? [])
        {
            Nodes++;
            MeasureValue(argument.Value, 0);
        }
    }

    private void MeasureValue(GraphQLValue value, int depth)
    {
        Nodes++;
        ValueDepth = Math.Max(ValueDepth, depth);
        switch (value)
        {
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    MeasureValue(item, depth + 1);
                }

                ValueDepth = Math.Max(ValueDepth, depth + 1);
                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    MeasureValue(field.Value, depth + 1);
                }

                ValueDepth = Math.Max(ValueDepth, depth + 1);
                break;
        }
    }

    private void MeasureType(GraphQLType type, int depth)
    {
        ValueDepth = Math.Max(ValueDepth, depth);
        switch (type)
        {
            case GraphQLListType list:
                MeasureType(list.Type, depth + 1);
                break;
            case GraphQLNonNullType nonNull:
                MeasureType(nonNull.Type, depth);
                break;
        }
    }
}
