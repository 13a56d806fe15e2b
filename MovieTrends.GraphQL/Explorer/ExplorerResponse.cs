namespace MovieTrends.GraphQL.Explorer;

/// <summary>How both explorers' pages are sent: HTML with the page's own Content-Security-Policy.</summary>
public static class ExplorerResponse
{
    public static Task WritePageAsync(HttpContext context, byte[] page, string contentSecurityPolicy)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = "Accept";
        return response.Body.WriteAsync(page, 0, page.Length, context.RequestAborted);
    }
}
