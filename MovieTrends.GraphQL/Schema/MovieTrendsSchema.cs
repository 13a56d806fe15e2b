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
    }
}
