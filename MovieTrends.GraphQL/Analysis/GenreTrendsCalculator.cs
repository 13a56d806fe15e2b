using System.Buffers;
using System.Numerics;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Genre trends by any measure over the movies that pass a filter, year by year over the columns' bitmaps: the
/// filter becomes one bitmap of the year's passing rows (compared by vectors); a passing movie counts in its year's
/// total and once in each of its genres (bit counts of the pass and genre bitmaps), its value, when known, in each
/// genre's known count; sums add each genre's known values in row order; medians walk the year's value order once, counting
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

                if (Sums)
                {
                    cells.Sums[cell] = Sum(known, genre, firstWord << 6);
                }
            }

            if (Order is not null)
            {
                TakeMedians(Order, cells.From + index - columns.FirstYear, known, firstWord << 6, index);
            }
        }

        /// <summary>The genre's known passing values added up in row order, one genre at a time (no scattered writes).</summary>
        private double Sum(ReadOnlySpan<ulong> known, ReadOnlySpan<ulong> genre, int firstRow)
        {
            var sum = 0.0;
            genre = genre[..known.Length];
            for (var word = 0; word < known.Length; word++)
            {
                for (var bits = known[word] & genre[word]; bits != 0; bits &= bits - 1)
                {
                    values.TryRead(firstRow + (word << 6) + BitOperations.TrailingZeroCount(bits), out var value);
                    sum += value;
                }
            }

            return sum;
        }

        /// <summary>
        /// Walks the year's known rows by value, counting the passing ones per genre; a genre's median is its middle
        /// value (of an even count, the mean of the two middle ones). Stops once every genre has its median. The
        /// counts are kept in vector lanes, one per genre bit, and moved without a branch per row or per genre:
        /// the filter passes rows at random, so branches on it would mostly be mispredicted.
        /// </summary>
        private void TakeMedians(ValueOrder order, int yearIndex, ReadOnlySpan<ulong> known, int firstRow, int index)
        {
            var yearCount = cells.YearCount;

            // Per genre lane, the count of passing movies at which its lower and its upper middle value come; 0 for
            // a genre without one (counts are at least 1 once moved, so it never matches).
            Span<int> lowerAt = stackalloc int[MovieColumns.MaxGenres];
            Span<int> upperAt = stackalloc int[MovieColumns.MaxGenres];
            Span<double> lower = stackalloc double[MovieColumns.MaxGenres];
            lowerAt.Clear();
            upperAt.Clear();
            var pending = 0u;
            for (var bits = cells.Wanted & GenreBits(cells.GenreCount); bits != 0; bits &= bits - 1)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                var count = cells.Known[(bit * yearCount) + index];
                if (count > 0)
                {
                    lowerAt[bit] = ((count - 1) / 2) + 1;
                    upperAt[bit] = (count / 2) + 1;
                    pending |= 1u << bit;
                }
            }

            var lanes = GenreLanes.Create(lowerAt, upperAt);
            var rows = order.Year(yearIndex);
            var masks = rows.GenreMasks;
            var medians = cells.Medians!;
            for (var position = 0; position < masks.Length && pending != 0; position++)
            {
                var row = rows.Row(position);
                var offset = row - firstRow;
                var passes = (uint)(known[offset >> 6] >> offset) & 1u;
                var (lowers, uppers) = lanes.Count(masks[position] & (0u - passes));
                if ((lowers | uppers) == 0)
                {
                    continue;
                }

                values.TryRead(row, out var value);
                for (var bits = lowers; bits != 0; bits &= bits - 1)
                {
                    lower[BitOperations.TrailingZeroCount(bits)] = value;
                }

                for (var bits = uppers; bits != 0; bits &= bits - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(bits);
                    medians[(bit * yearCount) + index] = lowerAt[bit] == upperAt[bit] ? value : (lower[bit] + value) / 2;
                    pending &= ~(1u << bit);
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
