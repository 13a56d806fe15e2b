using System.Globalization;
using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Movies;

public sealed class MovieType : ObjectGraphType<Movie>
{
    public MovieType()
    {
        Name = "Movie";
        Description = "A movie of the TMDB catalog.";

        Field<NonNullGraphType<IntGraphType>>("id")
            .Description("The TMDB id.")
            .Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("The title.")
            .Resolve(context => context.Source.Title);
        Field<StringGraphType>("releaseDate")
            .Description("The release date as yyyy-MM-dd; null when unknown.")
            .Resolve(context => context.Source.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field<IntGraphType>("year")
            .Description("The release year; null when the release date is unknown.")
            .Resolve(context => context.Source.Year);
        Field<NonNullGraphType<FloatGraphType>>("popularity")
            .Description("TMDB popularity score (higher is more popular).")
            .Resolve(context => context.Source.Popularity);
        Field<FloatGraphType>("voteAverage")
            .Description("Average user rating, 0..10.")
            .Resolve(context => context.Source.VoteAverage);
        Field<IntGraphType>("voteCount")
            .Description("Number of user ratings.")
            .Resolve(context => context.Source.VoteCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("genres")
            .Description("The movie's genres, by name.")
            .Resolve(context => context.Source.Genres);
        Field<StringGraphType>("overview")
            .Description("A short plot summary.")
            .Resolve(context => context.Source.Overview);
        Field<NonNullGraphType<StringGraphType>>("tmdbUrl")
            .Description("The movie's page on themoviedb.org.")
            .Resolve(context => context.Source.TmdbUrl);
        Field<IntGraphType>("runtime")
            .Description("Running time in minutes; null when unknown or the dataset has none.")
            .Resolve(context => context.Source.Runtime);
        Field<FloatGraphType>("budget")
            .Description("Budget in nominal US dollars as recorded; null when unknown or the dataset has none.")
            .Resolve(context => context.Source.Budget);
        Field<FloatGraphType>("revenue")
            .Description("Box-office revenue in nominal US dollars as recorded; null when unknown or the dataset has none.")
            .Resolve(context => context.Source.Revenue);
        Field<StringGraphType>("originalLanguage")
            .Description("The original language as an ISO 639-1 code, e.g. `en`; null when the dataset has none.")
            .Resolve(context => context.Source.OriginalLanguage);
        Field<StringGraphType>("status")
            .Description("TMDB release status, e.g. `Released`, `Rumored`; null when the dataset has none.")
            .Resolve(context => context.Source.Status);
    }
}
