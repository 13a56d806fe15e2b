namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// Banana Cake Pop at GET /graphql for browsers, its files and bcp-config.json under /graphql/.
/// </summary>
public static class BananaCakePopPage
{
    /// <summary>
    /// Everything from this origin. Beyond that, each exception is what the IDE cannot run without:
    /// 'unsafe-eval' because it validates its settings with ajv, which compiles JSON schemas into functions;
    /// style 'unsafe-inline' because its components inject their styles at run time; data: images for its
    /// inline icons; base-uri 'self' for the base element that roots its relative file names at /graphql/.
    /// Inline scripts stay forbidden, and connect-src 'self' means nothing it runs can reach another host
    /// (the sign-in and telemetry services it knows are refused by the browser, besides being switched off).
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
        "base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

    // Files under static/ carry a content hash in their names, so they never change under the same URL.
    private const string ImmutableCache = "public, max-age=31536000, immutable";

    public static Task WriteAsync(HttpContext context) =>
        ExplorerResponse.WritePageAsync(
            context, context.RequestServices.GetRequiredService<BananaCakePopAssets>().Page, ContentSecurityPolicy);

    /// <summary>
    /// Maps the IDE's files by exact path; any other path under /graphql/ is a bare 404 (more specific routes,
    /// such as GraphiQL's, win over this catch-all).
    /// </summary>
    public static IEndpointRouteBuilder MapBananaCakePop(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/graphql/{**path}", (HttpContext context, string? path, BananaCakePopAssets assets) =>
        {
            if (path is null || assets.Find(path) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl =
                path.StartsWith("static/", StringComparison.Ordinal) ? ImmutableCache : "no-cache";
            return Results.Bytes(file.Content, file.ContentType);
        });
        return endpoints;
    }
}
