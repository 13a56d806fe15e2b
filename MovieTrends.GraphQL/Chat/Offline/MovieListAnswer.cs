using MovieTrends.Catalog;
using MovieTrends.GraphQL.Movies;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>"show me the best-rated French dramas of the 90s": the first movies of the drill-down list, with the list's length.</summary>
public static class MovieListAnswer
{
    public static async Task<string> AnswerAsync(MovieListQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = await scope.YearsAsync(question.Years, cancellationToken);
        var genre = question.Genres.Count == 0 ? null : question.Genres[0];
        var list = await scope.Tools.MoviesAsync(years.From, years.To, genre, scope.Filter, question.Order, question.Count, after: null, scope.Dataset, cancellationToken);
        var what = $"{Adjective(question.Order)} {genre ?? "movies"}".Trim() + (genre is null ? "" : " movies");
        var released = years.IsSingleYear ? $"released in {years.From}" : $"released {years.From}–{years.To}";
        if (list.TotalCount == 0)
        {
            return $"No {scope.Movies} {(genre is null ? "" : $"of the genre {genre} ")}were {released}.{scope.Note}";
        }

        var items = list.Nodes.Select((movie, i) => Invariant($"{i + 1}. {movie.Title} ({Describe(movie, question.Order)})"));
        return Invariant($"{Capitalized(what)} {released} ({list.Nodes.Count} of {list.TotalCount:N0} {(genre is null ? "" : $"{genre} ")}{scope.Movies}): ") +
            string.Join("; ", items) + "." +
            (question.Genres.Count > 1 ? $" A list shows one genre at a time; this one is {genre}." : "") +
            (question.Order == MovieOrder.RatingDesc ? " Movies without votes have no rating and come last." : "") +
            scope.Note;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Adjective(MovieOrder order) => order switch
    {
        MovieOrder.RatingDesc => "best-rated",
        MovieOrder.RevenueDesc => "highest-grossing",
        MovieOrder.TitleAsc => "",
        _ => "most popular",
    };

    private static string Describe(Movie movie, MovieOrder order)
    {
        var rating = movie.VoteCount > 0 ? Invariant($"rated {movie.VoteAverage:0.0} by {movie.VoteCount:N0} votes") : "no votes";
        return order switch
        {
            MovieOrder.RevenueDesc => Invariant($"{movie.Year}, revenue {MeasureText.Format(TrendMeasure.TotalRevenue, movie.Revenue)}"),
            MovieOrder.PopularityDesc => Invariant($"{movie.Year}, TMDB popularity {movie.Popularity:0.##}"),
            _ => Invariant($"{movie.Year}, {rating}"),
        };
    }
}
