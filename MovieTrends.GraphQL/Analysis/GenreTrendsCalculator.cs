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
        var cells = new TrendCells(from, to - from + 1, columns.GenreNames.Count, columns.GenreMask(genres), MeasureValues.IsMedian(measure));
        MeasureValues.Run<TrendScan, TrendCells>(measure, columns.Arrays, new TrendScan(columns, predicate, cells));
        return cells.ToTrends(columns.GenreNames, genres, measure);
    }

    private readonly struct TrendScan(MovieColumns columns, MoviePredicate predicate, TrendCells cells) : IMeasureValueScan<TrendCells>
    {
        public TrendCells Run<TValue>(TValue values)
            where TValue : struct, IMeasureValue
        {
            Scan(columns, predicate, values, cells);
            return cells;
        }
    }

    private static void Scan<TValue>(MovieColumns columns, in MoviePredicate predicate, TValue values, TrendCells cells)
        where TValue : struct, IMeasureValue
    {
        var maxYearRows = 0;
        for (var index = 0; index < cells.YearCount; index++)
        {
            var (start, end) = columns.Rows(cells.From + index, cells.From + index);
            maxYearRows = Math.Max(maxYearRows, end - start);
        }

        var gathered = cells.Medians is null ? null : new GatheredValues(maxYearRows);
        try
        {
            for (var index = 0; index < cells.YearCount; index++)
            {
                var (start, end) = columns.Rows(cells.From + index, cells.From + index);
                ScanYear(columns.Arrays.GenreMasks, start, end, index, predicate, values, cells, gathered);
                if (gathered is { Count: > 0 })
                {
                    gathered.TakeMedians(index, cells);
                }
            }
        }
        finally
        {
            gathered?.Dispose();
        }
    }

    private static void ScanYear<TValue>(
        uint[] masks, int start, int end, int index, in MoviePredicate predicate, TValue values, TrendCells cells, GatheredValues? gathered)
        where TValue : struct, IMeasureValue
    {
        var yearCount = cells.YearCount;
        var wanted = cells.Wanted;
        var counts = cells.Counts;
        var known = cells.Known;
        var sums = cells.Sums;
        var passing = 0;
        for (var row = start; row < end; row++)
        {
            if (!predicate.Passes(row))
            {
                continue;
            }

            passing++;
            var mask = masks[row] & wanted;
            if (mask == 0)
            {
                continue;
            }

            var hasValue = values.TryRead(row, out var value);
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                var cell = (BitOperations.TrailingZeroCount(bits) * yearCount) + index;
                counts[cell]++;
                if (hasValue)
                {
                    known[cell]++;
                    sums[cell] += value;
                }
            }

            if (hasValue)
            {
                gathered?.Add(value, mask);
            }
        }

        cells.Totals[index] = passing;
    }

    /// <summary>A year's known values with their genre masks, then sorted into one run per genre for selection.</summary>
    private sealed class GatheredValues(int capacity) : IDisposable
    {
        private readonly double[] _values = ArrayPool<double>.Shared.Rent(Math.Max(1, capacity));
        private readonly uint[] _masks = ArrayPool<uint>.Shared.Rent(Math.Max(1, capacity));
        private double[] _runs = ArrayPool<double>.Shared.Rent(Math.Max(1, capacity));

        public int Count { get; private set; }

        public void Add(double value, uint mask)
        {
            _values[Count] = value;
            _masks[Count] = mask;
            Count++;
        }

        /// <summary>Sorts the values into one run per genre (a counting sort by genre), selects each run's median, and empties.</summary>
        public void TakeMedians(int index, TrendCells cells)
        {
            var genreCount = cells.GenreCount;
            Span<int> starts = stackalloc int[genreCount + 1];
            for (var bit = 0; bit < genreCount; bit++)
            {
                starts[bit + 1] = starts[bit] + cells.Known[(bit * cells.YearCount) + index];
            }

            if (_runs.Length < starts[genreCount])
            {
                ArrayPool<double>.Shared.Return(_runs);
                _runs = ArrayPool<double>.Shared.Rent(starts[genreCount]);
            }

            Span<int> next = stackalloc int[genreCount];
            starts[..genreCount].CopyTo(next);
            for (var i = 0; i < Count; i++)
            {
                var value = _values[i];
                for (var bits = _masks[i]; bits != 0; bits &= bits - 1)
                {
                    _runs[next[BitOperations.TrailingZeroCount(bits)]++] = value;
                }
            }

            for (var bit = 0; bit < genreCount; bit++)
            {
                if (starts[bit + 1] > starts[bit])
                {
                    cells.Medians![(bit * cells.YearCount) + index] =
                        MedianSelection.Median(_runs.AsSpan(starts[bit], starts[bit + 1] - starts[bit]));
                }
            }

            Count = 0;
        }

        public void Dispose()
        {
            ArrayPool<double>.Shared.Return(_values);
            ArrayPool<uint>.Shared.Return(_masks);
            ArrayPool<double>.Shared.Return(_runs);
        }
    }
}
