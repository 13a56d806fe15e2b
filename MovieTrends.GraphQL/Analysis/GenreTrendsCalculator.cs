using System.Buffers;
using System.Numerics;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Genre trends by any measure over the movies that pass a filter, year by year over the columns' bitmaps: the
/// filter becomes one bitmap of the year's passing rows (compared by vectors); a passing movie counts in its year's
/// total and once in each of its genres (bit counts of the pass and genre bitmaps), its value, when known, in each
/// genre's known count; sums add the known values in row order; medians walk the year's value order once, counting
/// passing movies per genre up to each genre's middle. Nothing per request grows with the movies but a year's bitmap.
/// </summary>
public static class GenreTrendsCalculator
{
    /// <param name="genres">Exactly these genres (catalog spelling), zeros included; every genre with a passing movie when null.</param>
    public static GenreTrends Compute(
        MovieColumns columns, int from, int to, IReadOnlyList<string>? genres, TrendMeasure measure, in MoviePredicate predicate)
    {
        var cells = new TrendCells(from, to - from + 1, columns.GenreNames.Count, columns.GenreMask(genres), MeasureValues.IsMedian(measure));
        MeasureValues.Run<TrendScan, TrendCells>(measure, columns.Arrays, new TrendScan(columns, predicate, cells, measure));
        return cells.ToTrends(columns.GenreNames, genres, measure);
    }

    private readonly struct TrendScan(MovieColumns columns, MoviePredicate predicate, TrendCells cells, TrendMeasure measure)
        : IMeasureValueScan<TrendCells>
    {
        public TrendCells Run<TValue>(TValue values)
            where TValue : struct, IMeasureValue
        {
            var kind = MeasureValues.ValueKind(measure);
            var year = new YearScan<TValue>(columns, predicate, cells, values)
            {
                Known = kind < 0 ? null : columns.Indexes.Known[kind],
                Order = cells.Medians is null ? null : columns.Indexes.Orders[kind],
                Sums = MeasureValues.SumsValues(measure),
            };
            var maxWords = 0;
            for (var index = 0; index < cells.YearCount; index++)
            {
                var (start, end) = columns.Rows(cells.From + index, cells.From + index);
                maxWords = Math.Max(maxWords, start < end ? MovieColumnIndexes.Words(end) - (start >> 6) : 0);
            }

            var scratch = ArrayPool<ulong>.Shared.Rent(Math.Max(1, 2 * maxWords));
            try
            {
                for (var index = 0; index < cells.YearCount; index++)
                {
                    year.Scan(index, scratch.AsSpan(0, maxWords), scratch.AsSpan(maxWords, maxWords));
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(scratch);
            }

            return cells;
        }
    }

    private readonly struct YearScan<TValue>(MovieColumns columns, MoviePredicate predicate, TrendCells cells, TValue values)
        where TValue : struct, IMeasureValue
    {
        /// <summary>The rows whose value is known; null for a measure that counts movies.</summary>
        public ulong[]? Known { get; init; }

        public ValueOrder? Order { get; init; }

        public bool Sums { get; init; }

        public void Scan(int index, Span<ulong> passScratch, Span<ulong> knownScratch)
        {
            var (start, end) = columns.Rows(cells.From + index, cells.From + index);
            if (start == end)
            {
                return;
            }

            var firstWord = start >> 6;
            var words = MovieColumnIndexes.Words(end) - firstWord;
            var pass = passScratch[..words];
            predicate.FillPassBits(start, end, pass);
            cells.Totals[index] = PopCount(pass);
            var known = knownScratch[..words];
            if (Known is not null)
            {
                And(pass, Known.AsSpan(firstWord, words), known);
            }

            var yearCount = cells.YearCount;
            var genres = columns.Indexes.Genres;
            for (var bits = cells.Wanted & GenreBits(genres.Length); bits != 0; bits &= bits - 1)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                var genre = genres[bit].AsSpan(firstWord, words);
                var cell = (bit * yearCount) + index;
                cells.Counts[cell] = PopCountAnd(pass, genre);
                if (Known is not null)
                {
                    cells.Known[cell] = PopCountAnd(known, genre);
                }
            }

            if (Sums)
            {
                AddUp(known, firstWord << 6, index);
            }

            if (Order is not null)
            {
                TakeMedians(Order.Year(cells.From + index - columns.FirstYear), known, firstWord << 6, index);
            }
        }

        /// <summary>Adds each known passing value to its genres' sums, in row order.</summary>
        private void AddUp(ReadOnlySpan<ulong> known, int firstRow, int index)
        {
            var masks = columns.Arrays.GenreMasks;
            var sums = cells.Sums;
            var wanted = cells.Wanted;
            var yearCount = cells.YearCount;
            for (var word = 0; word < known.Length; word++)
            {
                for (var bits = known[word]; bits != 0; bits &= bits - 1)
                {
                    var row = firstRow + (word << 6) + BitOperations.TrailingZeroCount(bits);
                    values.TryRead(row, out var value);
                    for (var genre = masks[row] & wanted; genre != 0; genre &= genre - 1)
                    {
                        sums[(BitOperations.TrailingZeroCount(genre) * yearCount) + index] += value;
                    }
                }
            }
        }

        /// <summary>
        /// Walks the year's known rows by value, counting the passing ones per genre; a genre's median is its middle
        /// value (of an even count, the mean of the two middle ones). Stops once every genre has its median.
        /// </summary>
        private void TakeMedians(ReadOnlySpan<int> order, ReadOnlySpan<ulong> known, int firstRow, int index)
        {
            var yearCount = cells.YearCount;
            Span<int> seen = stackalloc int[MovieColumns.MaxGenres];
            Span<int> lowerAt = stackalloc int[MovieColumns.MaxGenres];
            Span<int> upperAt = stackalloc int[MovieColumns.MaxGenres];
            Span<double> lower = stackalloc double[MovieColumns.MaxGenres];
            var pending = 0u;
            for (var bits = cells.Wanted & GenreBits(cells.GenreCount); bits != 0; bits &= bits - 1)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                var count = cells.Known[(bit * yearCount) + index];
                if (count > 0)
                {
                    lowerAt[bit] = (count - 1) / 2;
                    upperAt[bit] = count / 2;
                    pending |= 1u << bit;
                }
            }

            var masks = columns.Arrays.GenreMasks;
            var medians = cells.Medians!;
            foreach (var row in order)
            {
                if (pending == 0)
                {
                    break;
                }

                var offset = row - firstRow;
                if ((known[offset >> 6] & (1UL << offset)) == 0)
                {
                    continue;
                }

                for (var bits = masks[row] & pending; bits != 0; bits &= bits - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(bits);
                    var position = seen[bit]++;
                    if (position == lowerAt[bit] || position == upperAt[bit])
                    {
                        values.TryRead(row, out var value);
                        if (position == lowerAt[bit])
                        {
                            lower[bit] = value;
                        }

                        if (position == upperAt[bit])
                        {
                            medians[(bit * yearCount) + index] = lowerAt[bit] == upperAt[bit] ? value : (lower[bit] + value) / 2;
                            pending &= ~(1u << bit);
                        }
                    }
                }
            }
        }

        private static uint GenreBits(int genreCount) => genreCount >= 32 ? uint.MaxValue : (1u << genreCount) - 1;
    }

    private static int PopCount(ReadOnlySpan<ulong> words)
    {
        var count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    private static int PopCountAnd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        b = b[..a.Length];
        for (var word = 0; word < a.Length; word++)
        {
            count += BitOperations.PopCount(a[word] & b[word]);
        }

        return count;
    }

    private static void And(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        b = b[..a.Length];
        result = result[..a.Length];
        for (var word = 0; word < a.Length; word++)
        {
            result[word] = a[word] & b[word];
        }
    }
}
