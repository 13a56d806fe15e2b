using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// HTTP/2 reaches this service only on its h2c endpoint, from the web proxy, one connection carrying many
/// browsers' requests. Kestrel measures the minimum request-body and response data rates of an HTTP/2 connection
/// as a whole and aborts the connection when they fall short: a browser that stops sending its body would reset
/// the proxy's connection (its own request answered 400 or 502 instead of 408, and whatever else was in flight on
/// that connection failed with it). The proxy enforces both rates on the browser's own connection, where a
/// stalled body is that browser's 408, so here they are off for HTTP/2 requests; HTTP/1.1 requests keep them.
/// </summary>
public static class ProxyHopDataRates
{
    public static IApplicationBuilder UseProxyHopDataRates(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpProtocol.IsHttp2(context.Request.Protocol))
            {
                // HTTP/2 allows only turning these off per request (null), not other rates.
                if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } requestBodyRate)
                {
                    requestBodyRate.MinDataRate = null;
                }

                if (context.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
                {
                    responseRate.MinDataRate = null;
                }
            }

            return next(context);
        });
}
