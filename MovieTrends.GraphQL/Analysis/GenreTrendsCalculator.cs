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
        /// Walks the year's known rows by value, 64 positions at a time, counting the passing ones per genre; a genre's
        /// median is its middle value (of an even count, the mean of the two middle ones). A block's passing rows are
        /// one word; its passing rows of a genre that word and the genre's word, so a genre is counted with one bit
        /// count per block, and only a block holding a middle is looked into. Stops once every genre has its median.
        /// </summary>
        private void TakeMedians(ValueOrder order, int yearIndex, ReadOnlySpan<ulong> known, int firstRow, int index)
        {
            var yearCount = cells.YearCount;

            // Per genre bit, the rank among its passing movies (from 1) of its lower and its upper middle value.
            Span<int> lowerAt = stackalloc int[MovieColumns.MaxGenres];
            Span<int> upperAt = stackalloc int[MovieColumns.MaxGenres];
            Span<int> counted = stackalloc int[MovieColumns.MaxGenres];
            Span<double> lower = stackalloc double[MovieColumns.MaxGenres];
            counted.Clear();
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

            var rows = order.Year(yearIndex);
            var medians = cells.Medians!;
            for (var block = 0; (block << 6) < rows.Length && pending != 0; block++)
            {
                var passing = rows.RowBits(block, known, firstRow);
                for (var bits = pending; bits != 0; bits &= bits - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(bits);
                    var matches = passing & rows.GenreWord(block, bit);
                    var before = counted[bit];
                    var after = before + BitOperations.PopCount(matches);
                    counted[bit] = after;
                    if (after < lowerAt[bit])
                    {
                        continue;
                    }

                    if (before < lowerAt[bit])
                    {
                        lower[bit] = ValueAt(rows, block, matches, lowerAt[bit] - before);
                    }

                    if (after >= upperAt[bit])
                    {
                        var upper = ValueAt(rows, block, matches, upperAt[bit] - before);
                        medians[(bit * yearCount) + index] = lowerAt[bit] == upperAt[bit] ? upper : (lower[bit] + upper) / 2;
                        pending &= ~(1u << bit);
                    }
                }
            }
        }

        /// <summary>The value of the row at the <paramref name="rank"/>-th set bit (from 1) of a block's <paramref name="matches"/>.</summary>
        private double ValueAt(YearOrder rows, int block, ulong matches, int rank)
        {
            for (var skip = 1; skip < rank; skip++)
            {
                matches &= matches - 1;
            }

            values.TryRead(rows.Row((block << 6) + BitOperations.TrailingZeroCount(matches)), out var value);
            return value;
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
