using System.Net;
using MovieTrends.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace MovieTrends.Web.Proxy;

/// <summary>
/// Forwards /graphql (the API, the explorer and the SDL) to the GraphQL service, so the browser only ever
/// talks to this origin: no CORS, and one Content-Security-Policy that allows nothing but self.
/// </summary>
public static class GraphQLProxyExtensions
{
    private const string ClusterId = "graphql";

    /// <summary>
    /// The service's HTTP/2-only cleartext endpoint, by service discovery (<c>services:graphql:h2c:0</c>): one
    /// connection multiplexes every request, where HTTP/1.1 needs a connection per request in flight. Cleartext
    /// HTTP/2 cannot share a port with HTTP/1.1 (there is no TLS to negotiate with), so it is an endpoint of its own.
    /// </summary>
    private const string GraphQLServiceAddress = "http://_h2c.graphql";

    public static IHostApplicationBuilder AddGraphQLProxy(this IHostApplicationBuilder builder)
    {
        // X-Forwarded-* are set, never appended to: a client's own X-Forwarded-For does not travel on.
        RouteConfig[] routes =
        [
            new RouteConfig { RouteId = "graphql", ClusterId = ClusterId, Match = new RouteMatch { Path = "/graphql" } }
                .WithTransformXForwarded(xDefault: ForwardedTransformActions.Set),
            new RouteConfig { RouteId = "graphql-subpaths", ClusterId = ClusterId, Match = new RouteMatch { Path = "/graphql/{**rest}" } }
                .WithTransformXForwarded(xDefault: ForwardedTransformActions.Set),
        ];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = ClusterId,
                // A hung service becomes a 504 the page can show before its own 60 s chat timeout gives up;
                // longer than any answer the service gives in time (an operation ends within GraphQL:Limits:ExecutionTimeout, 10 s).
                HttpRequest = new()
                {
                    ActivityTimeout = builder.Configuration.GetValue("GraphQLProxy:ActivityTimeout", TimeSpan.FromSeconds(45)),
                    // Prior knowledge: exactly HTTP/2, never a silent fall back to HTTP/1.1.
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                },
                // A second connection once the first has as many requests in flight as the service allows streams.
                HttpClient = new() { EnableMultipleHttp2Connections = true },
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["graphql"] = new() { Address = GraphQLServiceAddress },
                },
            },
        ];

        var proxyKey = builder.Configuration[ProxyHeaders.KeySetting];
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                ClientAddressTransform.Apply(context, proxyKey);
                return ValueTask.CompletedTask;
            }))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddGraphQLErrorPath("/graphql");
        return builder;
    }

    public static WebApplication MapGraphQLProxy(this WebApplication app)
    {
        // The default pipeline, plus answers for forwarding failures.
        app.MapReverseProxy(proxy => proxy
            .UseProxyErrorReplies()
            .UseSessionAffinity()
            .UseLoadBalancing()
            .UsePassiveHealthChecks());
        return app;
    }
}
