using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>
/// The cheap pre-pass every new document goes through before GraphQL.NET's validation rules, whose cost
/// grows with the expanded document (and, for some, its square): it bounds size, nesting and fragment
/// fan-out in time linear in the document's text.
/// </summary>
public static class DocumentShapeCheck
{
    public static LimitBreach? Check(GraphQLDocument document, GraphQLLimits limits)
    {
        var measure = DocumentMeasure.Of(document);
        if (measure.Nodes > limits.MaxNodes)
        {
            return new LimitBreach(
                LimitBreach.TooLong,
                $"The document has more than {limits.MaxNodes} fields, arguments, values and directives; send a shorter document.");
        }

        if (measure.Fields > limits.MaxFields)
        {
            return new LimitBreach(
                LimitBreach.SelectionLimit,
                $"The document selects more than {limits.MaxFields} fields; split it into several requests.");
        }

        if (measure.Aliases > limits.MaxAliases)
        {
            return new LimitBreach(
                LimitBreach.SelectionLimit,
                $"The document uses more than {limits.MaxAliases} aliases; split it into several requests.");
        }

        if (measure.ValueDepth > limits.MaxDepth)
        {
            return new LimitBreach(
                LimitBreach.TooDeep,
                $"Lists and objects nest more than {limits.MaxDepth} levels deep; flatten them.");
        }

        return new FragmentExpansion(measure.Fragments, limits).Check(measure.Operations)
            ?? ResponseNameCheck.Check(document, limits.MaxSameResponseName);
    }
}
