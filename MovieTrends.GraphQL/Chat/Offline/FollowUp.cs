using MovieTrends.GraphQL.Chat.Conversations;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>
/// Reads a question as a follow-up of the conversation: "and which shrank the most?" takes the years of the
/// previous question that named some, and "and in the 1990s?" asks the previous question again for the new years.
/// Only the user's own words are read back, never the answers, so a follow-up means what the user said before.
/// </summary>
public static class FollowUp
{
    public static Question Resolve(Question question, string message, IReadOnlyList<ConversationMessage> history, IReadOnlyCollection<string> genreNames)
    {
        var earlierQuestions = history.Where(entry => entry.FromUser).Reverse().Select(entry => entry.Content).ToList();
        if (question is UnsupportedQuestion && QuestionParser.ParseYears(message.ToLowerInvariant()) is { } newYears)
        {
            return Repeat(earlierQuestions, message, newYears, genreNames) ?? question;
        }

        var earlierYears = earlierQuestions.Select(text => QuestionParser.ParseYears(text.ToLowerInvariant())).FirstOrDefault(years => years is not null);
        return question switch
        {
            GenreChangeQuestion { Years: null } change when earlierYears is not null => change with { Years = earlierYears },
            MovieCountQuestion { Years: null } count when earlierYears is not null => count with { Years = earlierYears },
            // Movies are ranked one year at a time, so only a single earlier year carries over.
            PopularityQuestion { Years: null } popularity when earlierYears is { IsSingleYear: true } => popularity with { Years = earlierYears },
            _ => question,
        };
    }

    // The latest earlier question the analyst understood, asked again for the new years (and genres, when named).
    private static Question? Repeat(IEnumerable<string> earlierQuestions, string message, YearRange years, IReadOnlyCollection<string> genreNames)
    {
        var genres = QuestionParser.ParseGenres(message.ToLowerInvariant(), genreNames);
        foreach (var text in earlierQuestions)
        {
            switch (QuestionParser.Parse(text, genreNames))
            {
                case PopularityQuestion popularity:
                    return popularity with { Years = years };
                case MovieCountQuestion count:
                    return count with { Years = years, Genres = genres.Count > 0 ? genres : count.Genres };
                case GenreChangeQuestion change:
                    return change with { Years = years, Genres = genres.Count > 0 ? genres : change.Genres };
            }
        }

        return null;
    }
}
