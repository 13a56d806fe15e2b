namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// GraphiQL at GET /graphql/graphiql, kept beside Banana Cake Pop because it opens with one tab of examples per
/// field. The page may load and call only its own origin: no CDN, and no inline or evaluated script
/// (GraphiQL's editors set inline styles, hence style-src 'unsafe-inline').
/// </summary>
public static class GraphiQLPage
{
    public const string PagePath = "/graphql/graphiql";
    public const string AssetsPath = "/graphql/explorer";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IEndpointRouteBuilder MapGraphiQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePath, (HttpContext context, GraphiQLAssets assets) =>
            ExplorerResponse.WritePageAsync(context, assets.Page, ContentSecurityPolicy));
        endpoints.MapGet(AssetsPath + "/{name}", (string name, GraphiQLAssets assets) =>
            assets.Find(name) is { } file
                ? Results.Bytes(file.Content, file.ContentType)
                : Results.NotFound());
        return endpoints;
    }
}
