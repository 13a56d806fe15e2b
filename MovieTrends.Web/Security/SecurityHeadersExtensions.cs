using Microsoft.Extensions.Primitives;

namespace MovieTrends.Web.Security;

/// <summary>
/// Response headers that lock the page down to its own origin: scripts, styles, data and images come
/// only from here, nothing inline, no framing. Proxied /graphql responses are left as the GraphQL
/// service sends them, because its explorer page carries its own policy.
/// </summary>
public static class SecurityHeadersExtensions
{
    private static readonly StringValues ContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/graphql"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
