using GraphQL;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Explorer;
using MovieTrends.GraphQL.Genres;
using MovieTrends.GraphQL.Http;
using MovieTrends.GraphQL.Movies;
using MovieTrends.GraphQL.Popularity;
using MovieTrends.GraphQL.Schema;
using MovieTrends.GraphQL.Telemetry;
using MovieTrends.GraphQL.Trends;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLApiExtensions
{
    /// <summary>
    /// The catalog reader over the catalog database with its caches and change listener, the schema, the
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
        var cacheSettings = new ResultCacheSettings(builder.Configuration.GetValue(ResultCacheSettings.Key, true));
        services.AddSingleton(cacheSettings);
        // One cache per fact: the aggregates (trends, year counts), each reader's answers, whole responses.
        services.AddSingleton<CatalogAggregatesStore>();
        services.AddSingleton<MovieColumnsStore>();
        services.AddSingleton<MovieDetailsReader>();
        services.AddSingleton<GenreTrendsReader>();
        services.AddSingleton<PopularityReader>();
        services.AddSingleton<MoviesReader>();
        services.AddSingleton<GenresReader>();
        services.AddSingleton<GenreRankingReader>();
        services.AddSingleton<CatalogSummaryReader>();
        services.AddSingleton<ICatalogReader, CatalogReader>();

        services.AddHostedService<CatalogChangeListener>();
        services.AddHostedService<MovieColumnsWarmUp>();

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<MovieTrendsSchema>()
            .AddGraphTypes(typeof(QueryType).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(options => options.ExposeCodes = false));
        services.AddSingleton<SchemaSdl>();
        services.AddSingleton<ErrorMapping>();
        services.AddSingleton<GraphQLJson>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton(provider => new ResponseCache(provider.GetRequiredService<CatalogChanges>(), cacheSettings.Enabled));
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<ExecutionAdmission>();
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
