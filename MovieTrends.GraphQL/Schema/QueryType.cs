using GraphQL.Types;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Datasets;
using MovieTrends.GraphQL.Genres;
using MovieTrends.GraphQL.Movies;
using MovieTrends.GraphQL.Popularity;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Schema;

/// <summary>The read side of the API; each feature folder contributes its field.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(
        GenreTrendsReader trends,
        PopularityReader popularity,
        GenresReader genres,
        CatalogSummaryReader summary,
        CatalogAggregatesStore catalogAggregates,
        MoviesReader movies)
    {
        Name = "Query";
        Description = "Questions about the movie catalog: genre trends, popularity, genres and the catalog itself.";

        this.AddGenreTrendsField(trends);
        this.AddPopularityField(popularity);
        this.AddGenresField(genres);
        this.AddCatalogField(summary);
        this.AddDatasetsField(catalogAggregates);
        this.AddMoviesField(movies);
    }
}
