using GraphQL;

namespace MovieTrends.GraphQL.Schema;

/// <summary>The one schema of the service, built once and shared by every request.</summary>
public sealed class MovieTrendsSchema : global::GraphQL.Types.Schema
{
    public MovieTrendsSchema(IServiceProvider services, QueryType query, IMutationRoot? mutation = null)
        : base(services)
    {
        Description = "MovieTrends: how movie genres and popularity change over time, over TMDB data.";
        Query = query;
        Mutation = mutation;

        // Introspection's size is bounded by the schema, but its type graph is cyclic: counting it at 0.5% keeps
        // the explorers' introspection query at about half the budget, with room for the schema to grow, while
        // nested __Type.fields cycles still exceed it.
        this.WithIntrospectionComplexityImpact(0.005);
    }
}
