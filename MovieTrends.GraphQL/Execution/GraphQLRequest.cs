using GraphQL;

namespace MovieTrends.GraphQL.Execution;

/// <summary>One GraphQL-over-HTTP request, whichever way it arrived.</summary>
public sealed record GraphQLRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
