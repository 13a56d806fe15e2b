using MovieTrends.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace MovieTrends.Web.Proxy;

/// <summary>
/// When forwarding fails before the GraphQL service answered, YARP sets a bodiless status. A body the client
/// sent broken gets the same 4xx and code the service gives for it directly; the service being down or
/// answering garbage stays YARP's 502, 503 or 504, given a short body with a code and no detail.
/// </summary>
internal static class ProxyErrorReplies
{
    public static IReverseProxyApplicationBuilder UseProxyErrorReplies(this IReverseProxyApplicationBuilder proxy)
    {
        var writer = proxy.ApplicationServices.GetRequiredService<ErrorReplyWriter>();
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is not null && !context.Response.HasStarted)
            {
                var reply = ErrorReply.ForUnreadableRequest(error.Exception)
                    ?? ErrorReply.ForStatus(context.Response.StatusCode);
                await writer.WriteAsync(context, reply);
            }
        });
        return proxy;
    }
}
