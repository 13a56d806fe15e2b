using static System.FormattableString;
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
        string answer;
        try
        {
            answer = question switch
            {
                PopularityQuestion popularity => await AnswerAsync(popularity, view, tools, cancellationToken),
                MovieCountQuestion count => await AnswerAsync(count, view, tools, cancellationToken),
                GenreChangeQuestion change => await AnswerAsync(change, view, tools, cancellationToken),
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

    private static async Task<string> AnswerAsync(PopularityQuestion question, ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var years = question.Years ?? (view.PopularityYear is int viewYear ? new YearRange(viewYear, viewYear) : null);
        if (years is null)
        {
            return "Which year? For example: \"most popular movie in 2010\".";
        }

        if (!years.IsSingleYear)
        {
            return $"Offline I can rank movies one year at a time; ask for example \"most popular movie in {years.To}\".";
        }

        var report = await tools.PopularityAsync(years.From, question.Count, cancellationToken);
        if (report.MovieCount == 0)
        {
            return $"The catalog has no dated movies from {report.Year}.";
        }

        var movies = question.Least ? report.Bottom : report.Top;
        var which = question.Least ? "least" : "most";
        return movies.Count == 1
            ? Invariant($"The {which} popular movie of {report.Year} is {movies[0].Title} (TMDB popularity {movies[0].Popularity:0.##}), out of {report.MovieCount:N0} dated movies that year.")
            : Invariant($"The {movies.Count} {which} popular movies of {report.Year} (out of {report.MovieCount:N0} dated movies): {ViewSnapshot.RankedList(movies)}.");
    }

    private static async Task<string> AnswerAsync(MovieCountQuestion question, ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var years = question.Years ?? await ViewOrCatalogRangeAsync(view, tools, cancellationToken);
        var trends = await tools.GenreTrendsAsync(years.From, years.To, question.Genres.Count == 0 ? null : question.Genres, cancellationToken);
        if (question.Genres.Count == 0)
        {
            return Invariant($"{trends.Totals.Sum():N0} dated movies were released {years}.");
        }

        var counts = trends.Series.Select(series => Invariant($"{series.Genre}: {series.Total:N0}"));
        return $"Movies released {years}: {string.Join("; ", counts)}." +
               (question.Genres.Count > 1 ? " A movie with several genres counts once in each." : "");
    }

    private static async Task<string> AnswerAsync(GenreChangeQuestion question, ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var years = question.Years ?? (view.TrendsFrom is int from && view.TrendsTo is int to ? new YearRange(from, to) : null);
        if (years is null || years.IsSingleYear)
        {
            return "Between which two years? For example: \"which genre grew most between 2000 and 2010\".";
        }

        var trends = await tools.GenreTrendsAsync(years.From, years.To, question.Genres.Count == 0 ? null : question.Genres, cancellationToken);
        var changes = GenreChange.Between(trends, years.From, years.To);
        const string definition = "Growth is the change in the number of movies released in the first year versus the last; share is the genre's movies over all dated movies of that year.";
        if (question.Genres.Count > 0)
        {
            return string.Join(" ", changes.Select(Describe)) + " " + definition;
        }

        var verb = question.Shrink ? "shrank" : "grew";
        var winner = question.Shrink ? GenreChange.FastestShrinking(changes) : GenreChange.FastestGrowing(changes);
        return winner is null
            ? $"No genre {verb} between {years.From} and {years.To}. {definition}"
            : $"{winner.Genre} {verb} most between {years.From} and {years.To}: {Describe(winner)} {definition}";
    }

    private static string Describe(GenreChange change) =>
        Invariant($"{change.Genre}: {change.FromCount} movies in {change.FromYear}, {change.ToCount} in {change.ToYear} ({change.Change:+#;-#;0}); share {change.FromShare:P1} → {change.ToShare:P1} ({change.ShareChangePoints:+0.0;-0.0;0.0} points).");

    private static async Task<string> SummarizeAsync(ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        var snapshot = await ViewSnapshot.RebuildAsync(view, tools, cancellationToken);
        return "Here is what the current view shows.\n" + snapshot.Describe();
    }

    private static async Task<YearRange> ViewOrCatalogRangeAsync(ChatView view, CatalogTools tools, CancellationToken cancellationToken)
    {
        if (view.TrendsFrom is int from && view.TrendsTo is int to)
        {
            return new YearRange(from, to);
        }

        var catalog = await tools.CatalogAsync(cancellationToken);
        return new YearRange(catalog.FirstYear, catalog.LastYear);
    }
}
