using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

public sealed partial class DatasetOracle
{
    /// <summary>
    /// Issue 13's <c>genreTrends</c>: a movie passes the filter, then counts once in each of its genres in its release
    /// year. <c>totals[i]</c> counts the distinct passing movies of the year (those without genres too, as today);
    /// <c>known[i]</c> the movies of <c>counts[i]</c> with a known value (<see cref="KnownValues"/>);
    /// <c>values[i]</c> the measure over them, null when none. MOVIES is the count itself, never null; SHARE is
    /// 100 × counts ÷ totals, null only when the year has no passing movie. Series: exactly the requested genres,
    /// zeros included, or else every genre with a passing movie in the range; by total descending, then name
    /// (ordinal), as today. The year-window and range-length checks are today's and are not repeated here.
    /// </summary>
    public OracleTrends GenreTrends(int from, int to, IReadOnlyList<string>? genres = null,
        OracleMeasure measure = OracleMeasure.Movies, OracleFilter? filter = null)
    {
        filter ??= OracleFilter.None;
        Check(measure, filter);
        var years = Enumerable.Range(from, to - from + 1).ToArray();
        var passing = Movies.Where(movie => movie.Year >= from && movie.Year <= to && filter.Passes(movie)).ToArray();
        var byYear = passing.ToLookup(movie => movie.Year!.Value);
        var totals = years.Select(year => byYear[year].Count()).ToArray();

        var names = genres is null
            ? passing.SelectMany(movie => movie.Genres).Distinct()
            : genres.Select(ResolveGenre).Distinct();
        var series = names
            .Select(genre => Series(genre, years, totals, byYear, measure))
            .OrderByDescending(row => row.Total)
            .ThenBy(row => row.Genre, StringComparer.Ordinal)
            .ToArray();
        return new OracleTrends(from, to, years, totals, measure, series);
    }

    private static OracleSeries Series(string genre, int[] years, int[] totals, ILookup<int, RawTmdbMovie> byYear, OracleMeasure measure)
    {
        var counts = new int[years.Length];
        var known = new int[years.Length];
        var values = new double?[years.Length];
        for (var i = 0; i < years.Length; i++)
        {
            var movies = byYear[years[i]].Where(movie => movie.Genres.Contains(genre)).ToArray();
            var knownValues = movies.Select(movie => KnownValues.Of(measure, movie)).OfType<double>().ToArray();
            counts[i] = movies.Length;
            known[i] = knownValues.Length;
            values[i] = measure switch
            {
                OracleMeasure.Movies => movies.Length,
                OracleMeasure.Share => totals[i] > 0 ? 100.0 * movies.Length / totals[i] : null,
                _ when knownValues.Length == 0 => null,
                OracleMeasure.AverageRating => knownValues.Average(),
                OracleMeasure.TotalRevenue => knownValues.Sum(),
                _ => KnownValues.Median(knownValues),
            };
        }

        return new OracleSeries(genre, counts, values, known, counts.Sum());
    }
}
