namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each year's rows with a known value of one kind, ordered by that value: a median over any filter and genres is
/// found by walking the year's order once and counting the passing movies of each genre up to its middle. Only the
/// rows are kept: the walk reads each row's genres from the columns, where a year's rows are one contiguous run small
/// enough to stay in cache, so a copy of the masks in value order (4 bytes a known movie per kind) would buy little.
/// A row is kept as its offset from its year's first row, 2 bytes, when no year has more rows than that counts;
/// otherwise as the row itself, 4 bytes.
/// </summary>
internal sealed class ValueOrder
{
    private readonly ushort[]? _offsets;
    private readonly int[]? _rows;
    private readonly int[] _yearStarts;
    private readonly int[] _columnYearStarts;

    private ValueOrder(ushort[]? offsets, int[]? rows, int[] yearStarts, int[] columnYearStarts)
    {
        _offsets = offsets;
        _rows = rows;
        _yearStarts = yearStarts;
        _columnYearStarts = columnYearStarts;
    }

    /// <summary>The year's known rows in value order.</summary>
    public YearOrder Year(int yearIndex) => new(
        _offsets, _rows, _yearStarts[yearIndex], _yearStarts[yearIndex + 1] - _yearStarts[yearIndex], _columnYearStarts[yearIndex]);

    public static ValueOrder Build<TValue>(TValue values, ulong[] known, int[] columnYearStarts)
        where TValue : struct, IMeasureValue
    {
        var total = 0;
        foreach (var word in known)
        {
            total += System.Numerics.BitOperations.PopCount(word);
        }

        var longestYear = 0;
        for (var year = 0; year + 1 < columnYearStarts.Length; year++)
        {
            longestYear = Math.Max(longestYear, columnYearStarts[year + 1] - columnYearStarts[year]);
        }

        var narrow = longestYear <= ushort.MaxValue + 1;
        var offsets = narrow ? new ushort[total] : null;
        var rows = narrow ? null : new int[total];

        // One year's keys and rows at a time: a whole dataset's would double the transient memory of a read.
        var keys = new double[longestYear];
        var yearRows = new int[longestYear];
        var starts = new int[columnYearStarts.Length];
        var next = 0;
        for (var year = 0; year + 1 < columnYearStarts.Length; year++)
        {
            starts[year] = next;
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
            for (var position = 0; position < count; position++)
            {
                if (offsets is not null)
                {
                    offsets[next + position] = (ushort)(yearRows[position] - columnYearStarts[year]);
                }
                else
                {
                    rows![next + position] = yearRows[position];
                }
            }

            next += count;
        }

        starts[^1] = next;
        return new ValueOrder(offsets, rows, starts, columnYearStarts);
    }
}

/// <summary>One year's run of a <see cref="ValueOrder"/>: its rows by position, in value order.</summary>
internal readonly struct YearOrder(ushort[]? offsets, int[]? rows, int start, int length, int firstRow)
{
    public int Length => length;

    /// <summary>The row at a position of the year's run (0 .. <see cref="Length"/> - 1).</summary>
    public int this[int position] => offsets is not null ? firstRow + offsets[start + position] : rows![start + position];
}
