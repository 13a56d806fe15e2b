using MovieTrends.GraphQL.Chat.Conversations;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Reads a question as a follow-up of the conversation: "and which shrank the most?" takes the years, measure, filter
/// and dataset of the previous questions that named them, and "and in the 1990s?" asks the previous question again for
/// the new years. A question that names its own years starts afresh (only the view fills its gaps).
/// Only the user's own words are read back, never the answers, so a follow-up means what the user said before.
/// </summary>
public static class FollowUp
{
    public static Question Resolve(Question question, string message, IReadOnlyList<ConversationMessage> history, IReadOnlyCollection<string> genreNames)
    {
        var earlierQuestions = history.Where(entry => entry.FromUser).Reverse().Select(entry => entry.Content).ToList();
        if (question is UnsupportedQuestion && QuestionParser.YearsOf(message) is { } newYears)
        {
            return Repeat(earlierQuestions, message, newYears, genreNames) ?? question;
        }

        var earlierYears = earlierQuestions.Select(QuestionParser.YearsOf).FirstOrDefault(years => years is not null);
        if (earlierYears is null)
        {
            return question;
        }

        // The latest earlier naming of each of measure, filter and dataset.
        var earlierLens = earlierQuestions.Select(QuestionParser.LensOf).Aggregate(Lens.None, (lens, earlier) => lens.Or(earlier));
        return question switch
        {
            GenreChangeQuestion { Years: null } change => change with { Years = earlierYears, Lens = change.Lens.Or(earlierLens) },
            GenreRankingQuestion { Years: null } ranking => ranking with { Years = earlierYears, Lens = ranking.Lens.Or(earlierLens) },
            MovieCountQuestion { Years: null } count => count with { Years = earlierYears, Lens = count.Lens.Or(earlierLens) },
            MovieListQuestion { Years: null } list => list with { Years = earlierYears, Lens = list.Lens.Or(earlierLens) },
            // Movies are ranked one year at a time, so only a single earlier year carries over.
            PopularityQuestion { Years: null } popularity when earlierYears is { IsSingleYear: true } =>
                popularity with { Years = earlierYears, Lens = popularity.Lens.Or(earlierLens) },
            _ => question,
        };
    }

    // The latest earlier question the analyst understood, asked again for the new years (and genres, when named).
    private static Question? Repeat(IEnumerable<string> earlierQuestions, string message, YearRange years, IReadOnlyCollection<string> genreNames)
    {
        var genres = QuestionParser.ParseGenres(message.ToLowerInvariant(), genreNames);
        var lens = QuestionParser.LensOf(message);
        foreach (var text in earlierQuestions)
        {
            switch (QuestionParser.Parse(text, genreNames))
            {
                case PopularityQuestion popularity:
                    return popularity with { Years = years, Lens = lens.Or(popularity.Lens) };
                case MovieCountQuestion count:
                    return count with { Years = years, Genres = genres.Count > 0 ? genres : count.Genres, Lens = lens.Or(count.Lens) };
                case GenreChangeQuestion change:
                    return change with { Years = years, Genres = genres.Count > 0 ? genres : change.Genres, Lens = lens.Or(change.Lens) };
                case GenreRankingQuestion ranking:
                    return ranking with { Years = years, Genres = genres.Count > 0 ? genres : ranking.Genres, Lens = lens.Or(ranking.Lens) };
                case MovieListQuestion list:
                    return list with { Years = years, Genres = genres.Count > 0 ? genres : list.Genres, Lens = lens.Or(list.Lens) };
            }
        }

        return null;
    }
}
