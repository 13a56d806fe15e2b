namespace MovieTrends.Tests.Oracle;

/// <summary>One genre's measure over a whole range: its passing movies, those with a known value, and the measure over them.</summary>
public sealed record OracleGenreFigure(string Genre, int Movies, int Known, double? Value);

public sealed partial class DatasetOracle
{
    /// <summary>
    /// The chat's genre ranking: <see cref="GenreTrends"/>'s rules with every year of the range pooled, so a median is
    /// over all the genre's movies of from..to (not a median of yearly medians). SHARE is over the range's distinct
    /// passing movies. Every genre with a passing movie, in no particular order.
    /// </summary>
    public IReadOnlyList<OracleGenreFigure> GenreRanking(int from, int to, OracleMeasure measure, OracleFilter? filter = null)
    {
        filter ??= OracleFilter.None;
        Check(measure, filter);
        var passing = Movies.Where(movie => movie.Year >= from && movie.Year <= to && filter.Passes(movie)).ToArray();
        return
        [
            .. passing.SelectMany(movie => movie.Genres).Distinct().Select(genre =>
            {
                var movies = passing.Where(movie => movie.Genres.Contains(genre)).ToArray();
                var known = movies.Select(movie => KnownValues.Of(measure, movie)).OfType<double>().ToArray();
                double? value = measure switch
                {
                    OracleMeasure.Movies => movies.Length,
                    OracleMeasure.Share => 100.0 * movies.Length / passing.Length,
                    _ when known.Length == 0 => null,
                    OracleMeasure.AverageRating => known.Average(),
                    OracleMeasure.TotalRevenue => known.Sum(),
                    _ => KnownValues.Median(known),
                };
                return new OracleGenreFigure(genre, movies.Length, known.Length, value);
            }),
        ];
    }
}
