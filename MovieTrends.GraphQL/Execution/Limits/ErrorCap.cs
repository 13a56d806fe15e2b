using GraphQL;

namespace MovieTrends.GraphQL.Execution.Limits;

/// <summary>
/// Keeps a reply's error list short: past the cap the rest are summed up in one TOO_MANY_ERRORS error,
/// so a document full of mistakes cannot turn into a reply of megabytes.
/// </summary>
public static class ErrorCap
{
    public const string Code = "TOO_MANY_ERRORS";

    public static void Apply(ExecutionResult result, int maxErrors)
    {
        if (result.Errors is not { } errors || errors.Count <= maxErrors)
        {
            return;
        }

        var kept = new ExecutionErrors();
        for (var i = 0; i < maxErrors; i++)
        {
            kept.Add(errors[i]);
        }

        kept.Add(new ExecutionError(
            $"... and {errors.Count - maxErrors} more errors; fix the ones above and send the document again.") { Code = Code });
        result.Errors = kept;
    }
}
