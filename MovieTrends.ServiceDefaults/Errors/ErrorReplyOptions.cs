using Microsoft.AspNetCore.Http;

namespace MovieTrends.ServiceDefaults.Errors;

public sealed class ErrorReplyOptions
{
    /// <summary>Paths (and everything under them) whose errors are written as GraphQL responses; elsewhere plain text.</summary>
    public List<PathString> GraphQLPaths { get; } = [];
}
