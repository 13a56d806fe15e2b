using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>
/// What a movie contributes to a measure, or null when the value is unknown. data/README.md: a budget or revenue
/// of 0 means unknown, not zero, and so does a runtime of 0 (35 rows of the 5000 file) or an empty one (2 rows);
/// a vote_average is only a rating when vote_count &gt; 0 (the 5000 file has 62 movies without votes).
/// </summary>
public static class KnownValues
{
    public static double? Rating(RawTmdbMovie movie) => movie.VoteCount > 0 ? movie.VoteAverage : null;

    public static double? Runtime(RawTmdbMovie movie) => Positive(movie.Runtime);

    public static double? Budget(RawTmdbMovie movie) => Positive(movie.Budget);

    public static double? Revenue(RawTmdbMovie movie) => Positive(movie.Revenue);

    /// <summary>Return on budget: revenue ÷ budget, when both are known.</summary>
    public static double? Roi(RawTmdbMovie movie) => Budget(movie) is { } budget && Revenue(movie) is { } revenue ? revenue / budget : null;

    /// <summary>The value a measure aggregates; MOVIES and SHARE count movies, so every movie is known.</summary>
    public static double? Of(OracleMeasure measure, RawTmdbMovie movie) => measure switch
    {
        OracleMeasure.Movies or OracleMeasure.Share => 1,
        OracleMeasure.AverageRating => Rating(movie),
        OracleMeasure.MedianRuntime => Runtime(movie),
        OracleMeasure.MedianBudget => Budget(movie),
        OracleMeasure.MedianRevenue or OracleMeasure.TotalRevenue => Revenue(movie),
        OracleMeasure.MedianRoi => Roi(movie),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Issue 13: the median of an even count is the mean of the two middle values.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double? Positive(double? value) => value > 0 ? value : null;
}
