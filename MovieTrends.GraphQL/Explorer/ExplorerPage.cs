namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// GraphiQL at GET /graphql for browsers. The page may load and call only its own origin: no CDN, and no
/// inline or evaluated script (GraphiQL's editors set inline styles, hence style-src 'unsafe-inline').
/// </summary>
public static class ExplorerPage
{
    public const string AssetsPath = "/graphql/explorer";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static Task WriteAsync(HttpContext context)
    {
        var page = context.RequestServices.GetRequiredService<ExplorerAssets>().Page;
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = "Accept";
        return response.Body.WriteAsync(page, 0, page.Length, context.RequestAborted);
    }

    public static IEndpointRouteBuilder MapExplorer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AssetsPath + "/{name}", (string name, ExplorerAssets assets) =>
            assets.Find(name) is { } file
                ? Results.Bytes(file.Content, file.ContentType)
                : Results.NotFound());
        return endpoints;
    }
}
