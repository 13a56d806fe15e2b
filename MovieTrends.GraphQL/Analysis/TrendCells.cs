using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// The per-genre, per-year cells a trend scan fills (cell = genre bit × years + year index), and the answer built
/// from them: series of the requested genres or of every genre with a passing movie, by total then name.
/// </summary>
internal sealed class TrendCells(int from, int yearCount, int genreCount, uint wanted, bool median)
{
    public int From => from;

    public int YearCount => yearCount;

    public int GenreCount => genreCount;

    /// <summary>The genre bits the series are about; a movie with none of them still counts in the totals.</summary>
    public uint Wanted => wanted;

    public int[] Totals { get; } = new int[yearCount];

    public int[] Counts { get; } = new int[genreCount * yearCount];

    public int[] Known { get; } = new int[genreCount * yearCount];

    public double[] Sums { get; } = new double[genreCount * yearCount];

    public double[]? Medians { get; } = median ? new double[genreCount * yearCount] : null;

    public GenreTrends ToTrends(IReadOnlyList<string> genreNames, IReadOnlyList<string>? requested, TrendMeasure measure)
    {
        var series = new List<GenreSeries>();
        for (var bit = 0; bit < genreCount; bit++)
        {
            var name = genreNames[bit];
            var slice = new Range(bit * yearCount, (bit + 1) * yearCount);
            var counts = Counts[slice];
            var total = counts.Sum();
            if (requested is null ? total > 0 : requested.Contains(name))
            {
                series.Add(Series(name, counts, total, Known[slice], Sums[slice], Medians?[slice], measure));
            }
        }

        // A requested genre the columns do not know (an import in between) has no movies: zeros, as the aggregates answer.
        foreach (var name in requested ?? [])
        {
            if (!genreNames.Contains(name))
            {
                series.Add(Series(name, new int[yearCount], 0, new int[yearCount], new double[yearCount], null, measure));
            }
        }

        series.Sort(static (a, b) => a.Total != b.Total ? b.Total.CompareTo(a.Total) : string.CompareOrdinal(a.Genre, b.Genre));
        var years = new int[yearCount];
        for (var index = 0; index < yearCount; index++)
        {
            years[index] = from + index;
        }

        return new GenreTrends(from, from + yearCount - 1, years, series, Totals) { Measure = measure };
    }

    private GenreSeries Series(string genre, int[] counts, int total, int[] known, double[] sums, double[]? medians, TrendMeasure measure)
    {
        var values = new double?[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            values[i] = measure switch
            {
                TrendMeasure.Movies => counts[i],
                TrendMeasure.Share => Totals[i] > 0 ? 100.0 * counts[i] / Totals[i] : null,
                _ when known[i] == 0 => null,
                TrendMeasure.AverageRating => sums[i] / known[i],
                TrendMeasure.TotalRevenue => sums[i],
                _ => medians![i],
            };
        }

        // MOVIES and SHARE count movies: every movie counted is known.
        return new GenreSeries(genre, counts, total) { Values = values, Known = MeasureValues.CountsMovies(measure) ? counts : known };
    }
}
