using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Genres;

public sealed class GenreType : ObjectGraphType<GenreSummary>
{
    public GenreType()
    {
        Name = "Genre";
        Description = "A genre of the catalog.";

        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("The genre's name; use it in `genreTrends(genres: ...)`.")
            .Resolve(context => context.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("movieCount")
            .Description("Movies of this genre in the catalog, dated or not.")
            .Resolve(context => context.Source.MovieCount);
    }
}
