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

    // Resolved by Aspire service discovery: HTTPS when the service offers it, else HTTP.
    private const string GraphQLServiceAddress = "https+http://graphql";

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
                HttpRequest = new() { ActivityTimeout = builder.Configuration.GetValue("GraphQLProxy:ActivityTimeout", TimeSpan.FromSeconds(45)) },
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
