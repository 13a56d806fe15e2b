using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Movies;

namespace MovieTrends.GraphQL.Popularity;

public sealed class PopularityReportType : ObjectGraphType<PopularityReport>
{
    public PopularityReportType()
    {
        Name = "PopularityReport";
        Description = "The most and least popular movies released in one year.";

        Field<NonNullGraphType<IntGraphType>>("year")
            .Description("The release year.")
            .Resolve(context => context.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("movieCount")
            .Description("Dated movies released that year that pass the filter.")
            .Resolve(context => context.Source.MovieCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MovieType>>>>("top")
            .Description("The `limit` most popular movies, most popular first; ties by TMDB id.")
            .Resolve(context => context.Source.Top);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MovieType>>>>("bottom")
            .Description("The `limit` least popular movies, least popular first; ties by TMDB id. May overlap `top` in a thin year.")
            .Resolve(context => context.Source.Bottom);
    }
}
