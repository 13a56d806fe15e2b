namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each year's rows with a known value of one kind, ordered by that value: a median over any filter and genres is
/// found by walking the year's order once and counting the passing movies of each genre up to its middle. A row is
/// kept as its offset from its year's first row, 2 bytes, when no year has more rows than that counts (otherwise as
/// the row itself, 4 bytes), with its genre mask beside it: the walk reads both in order (reading the masks from the
/// columns instead, in value order, at random, cost about 40 % more CPU per request).
/// </summary>
internal sealed class ValueOrder
{
    private readonly ushort[]? _offsets;
    private readonly int[]? _rows;
    private readonly uint[] _genreMasks;
    private readonly int[] _yearStarts;
    private readonly int[] _columnYearStarts;

    private ValueOrder(ushort[]? offsets, int[]? rows, uint[] genreMasks, int[] yearStarts, int[] columnYearStarts)
    {
        _offsets = offsets;
        _rows = rows;
        _genreMasks = genreMasks;
        _yearStarts = yearStarts;
        _columnYearStarts = columnYearStarts;
    }

    /// <summary>The year's known rows in value order.</summary>
    public YearOrder Year(int yearIndex)
    {
        var start = _yearStarts[yearIndex];
        var length = _yearStarts[yearIndex + 1] - start;
        return _offsets is not null
            ? new YearOrder(_offsets.AsSpan(start, length), default, _genreMasks.AsSpan(start, length), _columnYearStarts[yearIndex])
            : new YearOrder(default, _rows.AsSpan(start, length), _genreMasks.AsSpan(start, length), 0);
    }

    public static ValueOrder Build<TValue>(TValue values, ulong[] known, uint[] masks, int[] columnYearStarts)
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
        var genreMasks = new uint[total];

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
                genreMasks[next + position] = masks[yearRows[position]];
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
        return new ValueOrder(offsets, rows, genreMasks, starts, columnYearStarts);
    }
}

/// <summary>One year's run of a <see cref="ValueOrder"/>: its rows and their genre masks by position, in value order.</summary>
internal readonly ref struct YearOrder
{
    private readonly ReadOnlySpan<ushort> _offsets;
    private readonly ReadOnlySpan<int> _rows;
    private readonly int _firstRow;

    public YearOrder(ReadOnlySpan<ushort> offsets, ReadOnlySpan<int> rows, ReadOnlySpan<uint> genreMasks, int firstRow)
    {
        _offsets = offsets;
        _rows = rows;
        _firstRow = firstRow;
        GenreMasks = genreMasks;
    }

    public int Length => GenreMasks.Length;

    /// <summary>The genre mask of the row at each position.</summary>
    public ReadOnlySpan<uint> GenreMasks { get; }

    /// <summary>The row at a position of the year's run (0 .. <see cref="Length"/> - 1).</summary>
    public int Row(int position) => _rows.IsEmpty ? _firstRow + _offsets[position] : _rows[position];
}
