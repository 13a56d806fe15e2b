using MovieTrends.ServiceDefaults.Errors;

namespace MovieTrends.GraphQL.Http;

/// <summary>A refused request's body, shaped like a GraphQL response so clients read one error format.</summary>
internal static class ProblemBody
{
    public static byte[] Create(RequestProblem problem) => GraphQLErrorBody.Create(problem.Code, problem.Message);
}
