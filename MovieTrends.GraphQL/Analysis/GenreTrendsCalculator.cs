using System.Buffers;
using System.Numerics;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Genre trends by any measure over the movies that pass a filter, in one pass over the range's rows: a passing
/// movie counts in its year's total and once in each of its genres; its value, when known, in each genre's known
/// count and sum. Medians gather a year's known values per genre into one pooled buffer and select the middle.
/// </summary>
public static class GenreTrendsCalculator
{
    /// <param name="genres">Exactly these genres (catalog spelling), zeros included; every genre with a passing movie when null.</param>
    public static GenreTrends Compute(
        MovieColumns columns, int from, int to, IReadOnlyList<string>? genres, TrendMeasure measure, in MoviePredicate predicate)
    {
        var yearCount = to - from + 1;
        var genreCount = columns.GenreNames.Count;
        var wanted = columns.GenreMask(genres);
        var totals = new int[yearCount];
        var counts = new int[genreCount * yearCount];
        var known = new int[genreCount * yearCount];
        var sums = new double[genreCount * yearCount];
        var medians = IsMedian(measure) ? new double[genreCount * yearCount] : null;

        var maxYearRows = 0;
        for (var year = from; year <= to; year++)
        {
            var (start, end) = columns.Rows(year, year);
            maxYearRows = Math.Max(maxYearRows, end - start);
        }

        var yearValues = medians is null ? null : ArrayPool<double>.Shared.Rent(Math.Max(1, maxYearRows));
        var yearMasks = medians is null ? null : ArrayPool<uint>.Shared.Rent(Math.Max(1, maxYearRows));
        try
        {
            for (var index = 0; index < yearCount; index++)
            {
                var gathered = ScanYear(columns, from + index, index, yearCount, wanted, measure, predicate,
                    totals, counts, known, sums, yearValues, yearMasks);
                if (medians is not null && gathered > 0)
                {
                    YearMedians(index, yearCount, genreCount, known, yearValues!.AsSpan(0, gathered), yearMasks!.AsSpan(0, gathered), medians);
                }
            }
        }
        finally
        {
            if (yearValues is not null)
            {
                ArrayPool<double>.Shared.Return(yearValues);
                ArrayPool<uint>.Shared.Return(yearMasks!);
            }
        }

        var series = new List<GenreSeries>();
        for (var bit = 0; bit < genreCount; bit++)
        {
            var name = columns.GenreNames[bit];
            var requested = genres is null || genres.Contains(name);
            var slice = new Range(bit * yearCount, (bit + 1) * yearCount);
            var genreCounts = counts[slice];
            var total = genreCounts.Sum();
            if (requested && (total > 0 || genres is not null))
            {
                series.Add(Series(name, genreCounts, total, known[slice], sums[slice], medians?[slice], totals, measure));
            }
        }

        // A requested genre the dataset does not know has no movies: zeros, as the aggregates answer it.
        foreach (var name in genres ?? [])
        {
            if (!columns.GenreNames.Contains(name))
            {
                series.Add(Series(name, new int[yearCount], 0, new int[yearCount], new double[yearCount], null, totals, measure));
            }
        }

        series.Sort(static (a, b) => a.Total != b.Total ? b.Total.CompareTo(a.Total) : string.CompareOrdinal(a.Genre, b.Genre));
        var years = new int[yearCount];
        for (var index = 0; index < yearCount; index++)
        {
            years[index] = from + index;
        }

        return new GenreTrends(from, to, years, series, totals) { Measure = measure };
    }

    /// <returns>How many known values the year gathered for a median.</returns>
    private static int ScanYear(
        MovieColumns columns, int year, int index, int yearCount, uint wanted, TrendMeasure measure, in MoviePredicate predicate,
        int[] totals, int[] counts, int[] known, double[] sums, double[]? yearValues, uint[]? yearMasks)
    {
        var (start, end) = columns.Rows(year, year);
        var masks = columns.GenreMasks;
        var readsValues = measure is not (TrendMeasure.Movies or TrendMeasure.Share);
        var gathered = 0;
        for (var row = start; row < end; row++)
        {
            if (!predicate.Passes(columns, row))
            {
                continue;
            }

            totals[index]++;
            var mask = masks[row] & wanted;
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                counts[(BitOperations.TrailingZeroCount(bits) * yearCount) + index]++;
            }

            if (mask == 0 || !readsValues || !TryValue(columns, measure, row, out var value))
            {
                continue;
            }

            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                var cell = (BitOperations.TrailingZeroCount(bits) * yearCount) + index;
                known[cell]++;
                sums[cell] += value;
            }

            if (yearValues is not null)
            {
                yearValues[gathered] = value;
                yearMasks![gathered] = mask;
                gathered++;
            }
        }

        return gathered;
    }

    /// <summary>Sorts the year's gathered values into one run per genre (a counting sort by genre), then selects each run's median.</summary>
    private static void YearMedians(
        int index, int yearCount, int genreCount, int[] known, ReadOnlySpan<double> values, ReadOnlySpan<uint> masks, double[] medians)
    {
        Span<int> starts = stackalloc int[genreCount + 1];
        for (var bit = 0; bit < genreCount; bit++)
        {
            starts[bit + 1] = starts[bit] + known[(bit * yearCount) + index];
        }

        var runs = ArrayPool<double>.Shared.Rent(Math.Max(1, starts[genreCount]));
        try
        {
            Span<int> next = stackalloc int[genreCount];
            starts[..genreCount].CopyTo(next);
            for (var i = 0; i < values.Length; i++)
            {
                for (var bits = masks[i]; bits != 0; bits &= bits - 1)
                {
                    runs[next[BitOperations.TrailingZeroCount(bits)]++] = values[i];
                }
            }

            for (var bit = 0; bit < genreCount; bit++)
            {
                if (starts[bit + 1] > starts[bit])
                {
                    medians[(bit * yearCount) + index] = MedianSelection.Median(runs.AsSpan(starts[bit], starts[bit + 1] - starts[bit]));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(runs);
        }
    }

    private static GenreSeries Series(
        string genre, int[] counts, int total, int[] known, double[] sums, double[]? medians, int[] totals, TrendMeasure measure)
    {
        var values = new double?[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            values[i] = measure switch
            {
                TrendMeasure.Movies => counts[i],
                TrendMeasure.Share => totals[i] > 0 ? 100.0 * counts[i] / totals[i] : null,
                _ when known[i] == 0 => null,
                TrendMeasure.AverageRating => sums[i] / known[i],
                TrendMeasure.TotalRevenue => sums[i],
                _ => medians![i],
            };
        }

        // MOVIES and SHARE count movies: every movie counted is known.
        var knownCounts = measure is TrendMeasure.Movies or TrendMeasure.Share ? counts : known;
        return new GenreSeries(genre, counts, total) { Values = values, Known = knownCounts };
    }

    private static bool IsMedian(TrendMeasure measure) =>
        measure is TrendMeasure.MedianRuntime or TrendMeasure.MedianBudget or TrendMeasure.MedianRevenue or TrendMeasure.MedianRoi;

    /// <summary>The value a measure reads of a movie, when known: zero means unknown, a rating needs votes.</summary>
    internal static bool TryValue(MovieColumns columns, TrendMeasure measure, int row, out double value)
    {
        value = measure switch
        {
            TrendMeasure.AverageRating => columns.Ratings[row],
            TrendMeasure.MedianRuntime => columns.Runtimes[row] > 0 ? columns.Runtimes[row] : double.NaN,
            TrendMeasure.MedianBudget => columns.Budgets[row] > 0 ? columns.Budgets[row] : double.NaN,
            TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue => columns.Revenues[row] > 0 ? columns.Revenues[row] : double.NaN,
            TrendMeasure.MedianRoi => columns.Budgets[row] > 0 && columns.Revenues[row] > 0
                ? (double)columns.Revenues[row] / columns.Budgets[row]
                : double.NaN,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }
}
