using MovieTrends.GraphQL.Movies;

namespace MovieTrends.GraphQL.Chat.Offline;

/// <summary>A question the offline analyst recognised; years left null fall back to the current view.</summary>
public abstract record Question
{
    /// <summary>The measure, filter and dataset the question names.</summary>
    public Lens Lens { get; init; } = Lens.None;
}

/// <param name="UntilLatest">"since 2000": <see cref="To"/> becomes the dataset's last year once the dataset is known.</param>
public sealed record YearRange(int From, int To, bool UntilLatest = false)
{
    public bool IsSingleYear => From == To;

    /// <summary>The range with an open end closed at the dataset's last year.</summary>
    public YearRange Until(int lastYear) => UntilLatest ? new YearRange(From, Math.Max(From, lastYear)) : this;

    public override string ToString() => IsSingleYear ? $"in {From}" : $"between {From} and {To}";
}

/// <summary>"most popular movie in 2010", "top 3 movies of 1999", "least popular film of 2005".</summary>
public sealed record PopularityQuestion(YearRange? Years, bool Least, int Count) : Question;

/// <summary>"how many dramas in 2010", "number of horror movies between 1990 and 1999" (no genre: all movies).</summary>
public sealed record MovieCountQuestion(IReadOnlyList<string> Genres, YearRange? Years) : Question;

/// <summary>"which genre grew most between 2000 and 2010", "did comedy shrink in the 2000s"; by a measure when the lens names one.</summary>
public sealed record GenreChangeQuestion(IReadOnlyList<string> Genres, YearRange? Years, bool Shrink) : Question;

/// <summary>"which genre earns the best return on budget since 2000", "which genre has the longest movies in the 90s".</summary>
public sealed record GenreRankingQuestion(IReadOnlyList<string> Genres, YearRange? Years, bool Lowest) : Question;

/// <summary>"show me the best-rated French dramas of the 90s": the movies behind a bar, in an order.</summary>
public sealed record MovieListQuestion(IReadOnlyList<string> Genres, YearRange? Years, MovieOrder Order, int Count) : Question;

public sealed record ViewSummaryQuestion : Question;

public sealed record HelpQuestion : Question;

public sealed record UnsupportedQuestion : Question;
