using System.Numerics;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each year's rows with a known value of one kind, ordered by that value: a median over any filter and genres is
/// found by walking the year's order 64 positions at a time and counting the passing movies of each genre up to its
/// middle. A row is kept as its offset from its year's first row, 2 bytes, when no year has more rows than that
/// counts (otherwise as the row itself, 4 bytes). Beside the order, per 64 positions of a year, one word per genre
/// of which positions have that genre (a bit per genre and position): a block's passing movies of a genre are one
/// AND and a bit count. Reading the genres from the columns instead, in value order, at random, cost about 40 % more
/// CPU per request.
/// </summary>
internal sealed class ValueOrder
{
    private readonly ushort[]? _offsets;
    private readonly int[]? _rows;
    private readonly ulong[] _genreWords;
    private readonly int _genreCount;
    private readonly int[] _yearStarts;
    private readonly int[] _yearBlockStarts;
    private readonly int[] _columnYearStarts;

    private ValueOrder(
        ushort[]? offsets, int[]? rows, ulong[] genreWords, int genreCount, int[] yearStarts, int[] yearBlockStarts, int[] columnYearStarts)
    {
        _offsets = offsets;
        _rows = rows;
        _genreWords = genreWords;
        _genreCount = genreCount;
        _yearStarts = yearStarts;
        _yearBlockStarts = yearBlockStarts;
        _columnYearStarts = columnYearStarts;
    }

    /// <summary>The year's known rows in value order.</summary>
    public YearOrder Year(int yearIndex)
    {
        var start = _yearStarts[yearIndex];
        var length = _yearStarts[yearIndex + 1] - start;
        var blocks = _yearBlockStarts[yearIndex + 1] - _yearBlockStarts[yearIndex];
        var genreWords = _genreWords.AsSpan(_yearBlockStarts[yearIndex] * _genreCount, blocks * _genreCount);
        return _offsets is not null
            ? new YearOrder(_offsets.AsSpan(start, length), default, genreWords, _genreCount, _columnYearStarts[yearIndex])
            : new YearOrder(default, _rows.AsSpan(start, length), genreWords, _genreCount, 0);
    }

    public static ValueOrder Build<TValue>(TValue values, uint[] masks, int genreCount, int[] columnYearStarts)
        where TValue : struct, IMeasureValue
    {
        var years = columnYearStarts.Length - 1;
        var starts = new int[years + 1];
        var blockStarts = new int[years + 1];
        var longestYear = 0;
        for (var year = 0; year < years; year++)
        {
            var count = 0;
            for (var row = columnYearStarts[year]; row < columnYearStarts[year + 1]; row++)
            {
                count += values.TryRead(row, out _) ? 1 : 0;
            }

            starts[year + 1] = starts[year] + count;
            blockStarts[year + 1] = blockStarts[year] + ((count + 63) >> 6);
            longestYear = Math.Max(longestYear, columnYearStarts[year + 1] - columnYearStarts[year]);
        }

        var total = starts[years];
        var narrow = longestYear <= ushort.MaxValue + 1;
        var offsets = narrow ? new ushort[total] : null;
        var rows = narrow ? null : new int[total];
        var genreWords = new ulong[blockStarts[years] * genreCount];
        var genreBits = genreCount >= MovieColumns.MaxGenres ? uint.MaxValue : (1u << genreCount) - 1;

        // One year's keys and rows at a time: a whole dataset's would double the transient memory of a read.
        var keys = new double[longestYear];
        var yearRows = new int[longestYear];
        for (var year = 0; year < years; year++)
        {
            var count = 0;
            for (var row = columnYearStarts[year]; row < columnYearStarts[year + 1]; row++)
            {
                if (values.TryRead(row, out var value))
                {
                    yearRows[count] = row;
                    keys[count] = value;
                    count++;
                }
            }

            keys.AsSpan(0, count).Sort(yearRows.AsSpan(0, count));
            var next = starts[year];
            for (var position = 0; position < count; position++)
            {
                var block = (blockStarts[year] + (position >> 6)) * genreCount;
                for (var bits = masks[yearRows[position]] & genreBits; bits != 0; bits &= bits - 1)
                {
                    genreWords[block + BitOperations.TrailingZeroCount(bits)] |= 1UL << position;
                }

                if (offsets is not null)
                {
                    offsets[next + position] = (ushort)(yearRows[position] - columnYearStarts[year]);
                }
                else
                {
                    rows![next + position] = yearRows[position];
                }
            }
        }

        return new ValueOrder(offsets, rows, genreWords, genreCount, starts, blockStarts, columnYearStarts);
    }
}

/// <summary>One year's run of a <see cref="ValueOrder"/>: its rows by position in value order, and its genre words per block of 64 positions.</summary>
internal readonly ref struct YearOrder
{
    private readonly ReadOnlySpan<ushort> _offsets;
    private readonly ReadOnlySpan<int> _rows;
    private readonly ReadOnlySpan<ulong> _genreWords;
    private readonly int _genreCount;
    private readonly int _firstRow;

    public YearOrder(ReadOnlySpan<ushort> offsets, ReadOnlySpan<int> rows, ReadOnlySpan<ulong> genreWords, int genreCount, int firstRow)
    {
        _offsets = offsets;
        _rows = rows;
        _genreWords = genreWords;
        _genreCount = genreCount;
        _firstRow = firstRow;
    }

    public int Length => _rows.IsEmpty ? _offsets.Length : _rows.Length;

    /// <summary>The row at a position of the year's run (0 .. <see cref="Length"/> - 1).</summary>
    public int Row(int position) => _rows.IsEmpty ? _firstRow + _offsets[position] : _rows[position];

    /// <summary>Bit <c>p</c>: whether the row at position <c>64 × block + p</c> has the genre of bit <paramref name="genre"/>.</summary>
    public ulong GenreWord(int block, int genre) => _genreWords[(block * _genreCount) + genre];

    /// <summary>
    /// Bit <c>p</c>: whether the row at position <c>64 × block + p</c> is set in <paramref name="rowBits"/>, a bitmap
    /// whose bit <c>i</c> is row <c>rowBitsFirstRow + i</c> and which covers the year.
    /// </summary>
    public ulong RowBits(int block, ReadOnlySpan<ulong> rowBits, int rowBitsFirstRow)
    {
        var first = block << 6;
        var word = 0UL;
        if (_rows.IsEmpty)
        {
            var offsets = _offsets[first..Math.Min(first + 64, _offsets.Length)];
            var shift = _firstRow - rowBitsFirstRow;
            for (var position = 0; position < offsets.Length; position++)
            {
                var offset = offsets[position] + shift;
                word |= ((rowBits[offset >> 6] >> offset) & 1UL) << position;
            }
        }
        else
        {
            var rows = _rows[first..Math.Min(first + 64, _rows.Length)];
            for (var position = 0; position < rows.Length; position++)
            {
                var offset = rows[position] - rowBitsFirstRow;
                word |= ((rowBits[offset >> 6] >> offset) & 1UL) << position;
            }
        }

        return word;
    }
}
