namespace MovieTrends.Web.Page;

/// <summary>
/// Serves the page (wwwroot) from the build's static web assets manifest: precompressed (gzip, and Brotli
/// once published), with ETags, and "/" answered by index.html.
/// </summary>
public static class StaticPageExtensions
{
    public static IHostApplicationBuilder AddStaticPage(this IHostApplicationBuilder builder)
    {
        // In Development, ASP.NET Core re-checks every asset against the disk and, when it thinks one changed
        // (timestamps are compared finer than the manifest stores them), serves it "compressed" with no
        // compression at all. The page changes only through a build, so serve what the build produced.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        return builder;
    }

    public static WebApplication UseStaticPage(this WebApplication app)
    {
        app.UsePageAtRoot();
        // Routing runs after the rewrite, so "/" is matched as "/index.html".
        app.UseRouting();
        app.MapStaticAssets();
        app.MapCatalogLimitsScript();
        return app;
    }

    /// <summary>
    /// Answers "/" with the page. UseDefaultFiles would do the same by looking on disk for a folder at every
    /// request's path, a stat call per proxied /graphql request; the page is the only default file there is.
    /// </summary>
    private static void UsePageAtRoot(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path == "/" && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                request.Path = "/" + PageInlineCode.PagePath;
            }

            return next(context);
        });
}
