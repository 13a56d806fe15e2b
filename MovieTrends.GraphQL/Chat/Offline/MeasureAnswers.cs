using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using static System.FormattableString;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Answers by a measure: which genre is best or worst over a range (one figure per genre, pooled over the range), and
/// whose measure grew or shrank most between the range's first and last year.
/// </summary>
public static class MeasureAnswers
{
    /// <summary>
    /// A genre needs this many movies with a known value to be ranked by a median or mean: one lucky movie is no trend.
    /// When no genre has that many, every genre with a value is ranked and the answer says so.
    /// </summary>
    public const int MinKnownMovies = 10;

    private const int RunnersUp = 3;

    public static async Task<string> RankingAsync(GenreRankingQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = await scope.YearsAsync(question.Years, cancellationToken);
        var ranking = await scope.Tools.GenreRankingAsync(years.From, years.To, scope.Measure, scope.Filter, scope.Dataset, cancellationToken);
        var measured = ranking.Genres
            .Where(genre => genre.Value is not null && (question.Genres.Count == 0 || question.Genres.Contains(genre.Genre)))
            .ToList();
        var counted = scope.Measure is TrendMeasure.Movies or TrendMeasure.Share;
        var enough = counted ? measured : measured.Where(genre => genre.Known >= MinKnownMovies).ToList();
        var rule = counted ? "" : enough.Count > 0
            ? $" Genres with fewer than {MinKnownMovies} movies {MeasureText.KnownWhen(scope.Measure)} are left out."
            : $" No genre has {MinKnownMovies} movies {MeasureText.KnownWhen(scope.Measure)}, so these rest on few movies.";
        var ranked = enough.Count > 0 ? enough : measured;
        var span = years.IsSingleYear ? $"In {years.From}" : $"Between {years.From} and {years.To}";
        if (ranked.Count == 0)
        {
            return $"{span} no genre has {scope.Movies} {MeasureText.KnownWhen(scope.Measure)}.{scope.Note}".Replace("  ", " ", StringComparison.Ordinal);
        }

        if (question.Lowest)
        {
            ranked.Reverse();
        }

        var (best, worst) = question.Lowest ? ("lowest", "highest") : ("highest", "lowest");
        var winner = ranked[0];
        var others = ranked.Skip(1).Take(RunnersUp).Select(genre => Figure(scope.Measure, genre));
        return $"{span}, {winner.Genre} has the {best} {MeasureText.Describe(scope.Measure)}: {Figure(scope.Measure, winner)}." +
            (ranked.Count > 1 ? $" Next: {string.Join("; ", others)}." : "") +
            (ranked.Count > RunnersUp + 1 ? $" The {worst}: {Figure(scope.Measure, ranked[^1])}." : "") +
            rule + scope.Note;
    }

    public static async Task<string> ChangeAsync(GenreChangeQuestion question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var years = await scope.YearsAsync(question.Years, cancellationToken);
        if (years.IsSingleYear)
        {
            return "Between which two years? For example: \"whose median budget grew most between 2000 and 2010\".";
        }

        var trends = await scope.Tools.GenreTrendsAsync(
            years.From, years.To, question.Genres.Count == 0 ? null : question.Genres, scope.Measure, scope.Filter, scope.Dataset, cancellationToken);
        var changes = MeasureChange.Between(trends);
        var what = MeasureText.Describe(scope.Measure);
        var definition = $"The change compares the {what} of each genre's movies released in {years.From} with those released in {years.To}" +
            (changes.Count < trends.Series.Count
                ? $"; {trends.Series.Count - changes.Count} of {trends.Series.Count} genres have no {what} in one of those years and are left out."
                : ".");
        if (question.Genres.Count > 0)
        {
            return string.Join(" ", changes.Select(change => Describe(scope.Measure, change))) + " " + definition + scope.Note;
        }

        var verb = question.Shrink ? "shrank" : "grew";
        var winner = question.Shrink ? MeasureChange.FastestShrinking(changes) : MeasureChange.FastestGrowing(changes);
        return (winner is null
            ? $"No genre's {what} {verb} between {years.From} and {years.To}. {definition}"
            : $"{winner.Genre}'s {what} {verb} most between {years.From} and {years.To}: {Describe(scope.Measure, winner)} {definition}") + scope.Note;
    }

    private static string Figure(TrendMeasure measure, GenreFigure genre) =>
        measure is TrendMeasure.Movies or TrendMeasure.Share
            ? Invariant($"{genre.Genre} {MeasureText.Format(measure, genre.Value)}")
            : Invariant($"{genre.Genre} {MeasureText.Format(measure, genre.Value)} ({genre.Known:N0} movies)");

    private static string Describe(TrendMeasure measure, MeasureChange change) =>
        Invariant($"{change.Genre}: {MeasureText.Format(measure, change.FromValue)} in {change.FromYear} ({change.FromKnown} movies), ") +
        Invariant($"{MeasureText.Format(measure, change.ToValue)} in {change.ToYear} ({change.ToKnown} movies); ") +
        $"change {(change.Change < 0 ? "-" : "+")}{MeasureText.Format(measure, Math.Abs(change.Change))}.";
}
