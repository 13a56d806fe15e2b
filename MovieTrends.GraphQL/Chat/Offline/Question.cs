namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>A question the offline analyst recognised; years left null fall back to the current view.</summary>
public abstract record Question;

public sealed record YearRange(int From, int To)
{
    public bool IsSingleYear => From == To;

    public override string ToString() => IsSingleYear ? $"in {From}" : $"between {From} and {To}";
}

/// <summary>"most popular movie in 2010", "top 3 movies of 1999", "least popular film of 2005".</summary>
public sealed record PopularityQuestion(YearRange? Years, bool Least, int Count) : Question;

/// <summary>"how many dramas in 2010", "number of horror movies between 1990 and 1999" (no genre: all movies).</summary>
public sealed record MovieCountQuestion(IReadOnlyList<string> Genres, YearRange? Years) : Question;

/// <summary>"which genre grew most between 2000 and 2010", "did comedy shrink in the 2000s".</summary>
public sealed record GenreChangeQuestion(IReadOnlyList<string> Genres, YearRange? Years, bool Shrink) : Question;

public sealed record ViewSummaryQuestion : Question;

public sealed record HelpQuestion : Question;

public sealed record UnsupportedQuestion : Question;
