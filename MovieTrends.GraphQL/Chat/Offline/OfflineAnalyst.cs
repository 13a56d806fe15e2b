using static System.FormattableString;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Chat.Conversations;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Answers without a language model: fixed question patterns, figures read through the same catalog
/// tools the model gets, and a plain "I can't" for everything else. It never guesses.
/// </summary>
public sealed class OfflineAnalyst(ICatalogReader reader)
{
    public const string Capabilities =
        "Offline I can answer: the most or least popular movies of a year (\"most popular movie in 2010\", \"top 3 movies of 1999\"); " +
        "how many movies of a genre were released in a year or range (\"how many dramas between 2000 and 2009\"); " +
        "which genre grew or shrank most between two years (\"which genre grew most between 2000 and 2010\"); " +
        "which genre is best or worst by a measure over a range (\"which genre earns the best return on budget since 2000\", " +
        "\"which genre has the longest movies in the 90s\"; measures: rating, runtime, budget, revenue, total revenue, return on budget, share); " +
        "lists of movies (\"show me the best-rated French dramas of the 90s\"); " +
        "any of these with a filter (\"French\", \"at least 1,000 votes\", \"rated 7+\", \"released only\") or in another dataset " +
        "(\"in the 10k top-rated set\", \"in the tmdb-movies set\"); " +
        "and a summary of the current view (\"summarize this view\").";

    /// <summary>For whoever runs the app: said once in the chat panel's header, not in every answer.</summary>
    public const string SetupNotice =
        "Offline mode: no AI provider is configured, so answers come from fixed rules over the catalog. " +
        "To turn on the AI assistant, set XAI_API_KEY (or the AppHost parameter xai-api-key).";

    /// <param name="history">The conversation so far: a follow-up without years takes the previous question's.</param>
    /// <param name="fallbackReason">Why the AI provider did not answer, when one is configured.</param>
    public async Task<string> AnswerAsync(
        string message, IReadOnlyList<ConversationMessage> history, ChatView view, CatalogTools tools, string? fallbackReason, CancellationToken cancellationToken)
    {
        var genres = await reader.GetGenresAsync(cancellationToken);
        var genreNames = genres.Select(genre => genre.Name).ToList();
        var question = FollowUp.Resolve(QuestionParser.Parse(message, genreNames), message, history, genreNames);
        var scope = new AnswerScope(question.Lens.Or(Lens.Of(view)), view, tools);
        string answer;
        try
        {
            answer = question switch
            {
                PopularityQuestion popularity => await AnswerAsync(popularity, scope, cancellationToken),
                MovieCountQuestion count => await AnswerAsync(count, scope, cancellationToken),
                GenreChangeQuestion change when scope.Measure != TrendMeasure.Movies => await MeasureAnswers.ChangeAsync(change, scope, cancellationToken),
                GenreChangeQuestion change => await AnswerAsync(change, scope, cancellationToken),
                GenreRankingQuestion ranking => await MeasureAnswers.RankingAsync(ranking, scope, cancellationToken),
                MovieListQuestion list => await MovieListAnswer.AnswerAsync(list, scope, cancellationToken),
                ViewSummaryQuestion => await SummarizeAsync(view, tools, cancellationToken),
                HelpQuestion => Capabilities,
                _ => "I can't answer that in offline mode. " + Capabilities,
            };
        }
        catch (CatalogQueryException e)
        {
            answer = $"I can't answer that as asked: {e.Message}";
        }

        // A provider failure is news about this answer, so it stays with it; the setup notice does not.
        return fallbackReason is null
            ? answer
            : $"{answer}\n\nOffline mode: the AI provider {fallbackReason}, so the offline analyst answered from fixed rules over the catalog.";
    }

    private static async Task<string> AnswerAsync(PopularityQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = question.Years ?? (scope.View.PopularityYear is int viewYear ? new YearRange(viewYear, viewYear) : null);
        if (years is null)
        {
            return "Which year? For example: \"most popular movie in 2010\".";
        }

        if (!years.IsSingleYear)
        {
            return $"Offline I can rank movies by popularity one year at a time; ask for example \"most popular movie in {years.From}\", " +
                $"or \"show me the most popular movies {years}\" for a list.";
        }

        var report = await scope.Tools.PopularityAsync(years.From, question.Count, scope.Filter, scope.Dataset, cancellationToken);
        if (report.MovieCount == 0)
        {
            return $"The catalog has no {scope.Movies} from {report.Year}.{scope.Note}";
        }

        var movies = question.Least ? report.Bottom : report.Top;
        var which = question.Least ? "least" : "most";
        return (movies.Count == 1
            ? Invariant($"The {which} popular movie of {report.Year} is {movies[0].Title} (TMDB popularity {movies[0].Popularity:0.##}), out of {report.MovieCount:N0} {scope.Movies} that year.")
            : Invariant($"The {movies.Count} {which} popular movies of {report.Year} (out of {report.MovieCount:N0} {scope.Movies}): {ViewSnapshot.RankedList(movies)}.")) + scope.Note;
    }

    private static async Task<string> AnswerAsync(MovieCountQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = await scope.YearsAsync(question.Years, cancellationToken);
        var trends = await scope.Tools.GenreTrendsAsync(
            years.From, years.To, question.Genres.Count == 0 ? null : question.Genres, TrendMeasure.Movies, scope.Filter, scope.Dataset, cancellationToken);
        if (question.Genres.Count == 0)
        {
            return Invariant($"{trends.Totals.Sum():N0} {scope.Movies} were released {years}.") + scope.Note;
        }

        var counts = trends.Series.Select(series => Invariant($"{series.Genre}: {series.Total:N0}"));
        return $"Movies released {years}: {string.Join("; ", counts)}." +
               (question.Genres.Count > 1 ? " A movie with several genres counts once in each." : "") + scope.Note;
    }

    private static async Task<string> AnswerAsync(GenreChangeQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = question.Years is { UntilLatest: true } ? await scope.YearsAsync(question.Years, cancellationToken)
            : question.Years ?? (scope.View.TrendsFrom is int from && scope.View.TrendsTo is int to ? new YearRange(from, to) : null);
        if (years is null || years.IsSingleYear)
        {
            return "Between which two years? For example: \"which genre grew most between 2000 and 2010\".";
        }

        var trends = await scope.Tools.GenreTrendsAsync(
            years.From, years.To, question.Genres.Count == 0 ? null : question.Genres, TrendMeasure.Movies, scope.Filter, scope.Dataset, cancellationToken);
        var changes = GenreChange.Between(trends, years.From, years.To);
        var definition = $"Growth is the change in the number of movies released in the first year versus the last; share is the genre's movies over all {scope.Movies} of that year.";
        if (question.Genres.Count > 0)
        {
            return string.Join(" ", changes.Select(Describe)) + " " + definition + scope.Note;
        }

        var verb = question.Shrink ? "shrank" : "grew";
        var winner = question.Shrink ? GenreChange.FastestShrinking(changes) : GenreChange.FastestGrowing(changes);
        return (winner is null
            ? $"No genre {verb} between {years.From} and {years.To}. {definition}"
            : $"{winner.Genre} {verb} most between {years.From} and {years.To}: {Describe(winner)} {definition}") + scope.Note;
    }

    private static string Describe(GenreChange change) =>
        Invariant($"{change.Genre}: {change.FromCount} movies in {change.FromYear}, {change.ToCount} in {change.ToYear} ({change.Change:+#;-#;0}); share {change.FromShare:P1} → {change.ToShare:P1} ({change.ShareChangePoints:+0.0;-0.0;0.0} points).");

    private static async Task<string> SummarizeAsync(ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var snapshot = await ViewSnapshot.RebuildAsync(view, tools, cancellationToken);
        return "Here is what the current view shows.\n" + snapshot.Describe();
    }
}
