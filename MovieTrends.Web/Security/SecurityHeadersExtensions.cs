using Microsoft.Extensions.Primitives;

namespace MovieTrends.Web.Security;

/// <summary>
/// Response headers that lock the page down to its own origin: scripts, styles, data and images come
/// only from here, nothing inline but the boot script and stylesheet the build writes into the page (allowed by
/// their hashes), no framing. Proxied /graphql responses are left as the GraphQL service sends them, because its
/// explorer page carries its own policy.
/// </summary>
public static class SecurityHeadersExtensions
{
    private static string ContentSecurityPolicy(PageInlineCode inline) => string.Join("; ",
        "default-src 'self'",
        string.Join(' ', ["script-src 'self'", .. inline.ScriptSources]),
        string.Join(' ', ["style-src 'self'", .. inline.StyleSources]),
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues NoReferrer = "no-referrer";
    private static readonly StringValues DenyFraming = "DENY";
    private static readonly StringValues SameOrigin = "same-origin";
    private static readonly StringValues NoPowerfulFeatures = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var webRoot = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var inline = PageInlineCode.ReadFrom(webRoot);
        if (inline is null)
        {
            // Its build output run in Production (unpublished) has no web root: it proxies /graphql and serves no page.
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityHeadersExtensions))
                .LogWarning("No page at wwwroot/{Page}: no page is served and the policy allows no inline code. Build MovieTrends.Web (build/bundle-page.mjs writes the page from Page/index.html) or publish it.", PageInlineCode.PagePath);
        }

        StringValues contentSecurityPolicy = ContentSecurityPolicy(inline ?? PageInlineCode.None);
        return app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/graphql"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = NoSniff;
                headers["Referrer-Policy"] = NoReferrer;
                headers.XFrameOptions = DenyFraming;
                headers["Cross-Origin-Opener-Policy"] = SameOrigin;
                headers["Cross-Origin-Resource-Policy"] = SameOrigin;
                headers["Permissions-Policy"] = NoPowerfulFeatures;
            }

            return next(context);
        });
    }
}
