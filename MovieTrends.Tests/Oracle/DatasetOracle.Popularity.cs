using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>The expected <c>popularity</c> answer: the year's passing movies, most popular first and least popular first.</summary>
public sealed record OraclePopularity(int Year, int MovieCount, IReadOnlyList<RawTmdbMovie> Top, IReadOnlyList<RawTmdbMovie> Bottom);

public sealed partial class DatasetOracle
{
    /// <summary>
    /// Issue 13's <c>popularity</c>: ranks only the dated movies of the year that pass the filter, and
    /// <c>movieCount</c> counts them; ties by TMDB id ascending at both ends (today's rule, migration 0003).
    /// </summary>
    public OraclePopularity Popularity(int year, int limit = 5, OracleFilter? filter = null)
    {
        filter ??= OracleFilter.None;
        filter.Check(Filters);
        var ofYear = Movies.Where(movie => movie.Year == year && filter.Passes(movie)).ToArray();
        return new OraclePopularity(
            year,
            ofYear.Length,
            [.. ofYear.OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(limit)],
            [.. ofYear.OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(limit)]);
    }
}
