using GraphQL.Validation;
using GraphQLParser.AST;

namespace MovieTrends.GraphQL.Schema;

/// <summary>
/// Caps how many fields and aliases one document may select: depth and complexity limits alone let a
/// client repeat a cheap field under a thousand aliases.
/// </summary>
public sealed class SelectionLimitsRule(int maxFields, int maxAliases) : ValidationRuleBase
{
    public const string Code = "SELECTION_LIMIT_EXCEEDED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var fields = 0;
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (++fields == maxFields + 1)
            {
                validation.ReportError(new ValidationError(
                    validation.Document.Source, Code,
                    $"The document selects more than {maxFields} fields; split it into several requests.", field)
                { Code = Code });
            }

            if (field.Alias is not null && ++aliases == maxAliases + 1)
            {
                validation.ReportError(new ValidationError(
                    validation.Document.Source, Code,
                    $"The document uses more than {maxAliases} aliases; split it into several requests.", field)
                { Code = Code });
            }
        }));
    }
}
