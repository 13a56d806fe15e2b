using GraphQL;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Explorer;
using MovieTrends.GraphQL.Http;
using MovieTrends.GraphQL.Schema;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLApiExtensions
{
    /// <summary>
    /// The catalog reader over the "moviedb" database with its caches and change listener, the schema, the
    /// executor and the transport, with their telemetry.
    /// </summary>
    public static TBuilder AddGraphQLApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCatalogDataSource();

        var services = builder.Services;
        services.AddOptions<GraphQLLimits>().BindConfiguration(GraphQLLimits.SectionName);
        services.AddGraphQLErrorPath(GraphQLEndpoints.Path);

        services.AddSingleton<GraphQLTelemetry>();
        services.AddSingleton<CatalogChanges>();
        services.AddSingleton<CatalogAggregatesStore>();
        services.AddSingleton<CatalogReader>();
        // Off only to measure the uncached path (bench/); every deployment keeps the result caches on.
        var resultCaches = builder.Configuration.GetValue("GraphQL:ResultCaches:Enabled", true);
        if (resultCaches)
        {
            services.AddSingleton<ICatalogReader, CachedCatalogReader>();
        }
        else
        {
            services.AddSingleton<ICatalogReader>(provider => provider.GetRequiredService<CatalogReader>());
        }

        services.AddHostedService<CatalogChangeListener>();

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<MovieTrendsSchema>()
            .AddGraphTypes(typeof(QueryType).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(options => options.ExposeCodes = false));
        services.AddSingleton<SchemaSdl>();
        // The error mapping sets the HTTP status of a database outage on the request it fails.
        services.AddHttpContextAccessor();
        services.AddSingleton<ErrorMapping>();
        services.AddSingleton<GraphQLJson>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton(provider => new ResponseCache(provider.GetRequiredService<CatalogChanges>(), resultCaches));
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLRequestParser>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<GraphiQLAssets>();
        services.AddSingleton<BananaCakePopAssets>();

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(GraphQLTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(GraphQLTelemetry.Name));
        return builder;
    }
}
