namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Each year's rows with a known value of one kind, ordered by that value: a median over any filter and genres is
/// found by walking the year's order once and counting the passing movies of each genre up to its middle. Only the
/// rows are kept: the walk reads each row's genres from the columns, where a year's rows are one contiguous run small
/// enough to stay in cache, so a copy of the masks in value order (4 bytes a known movie per kind) would buy little.
/// </summary>
internal sealed class ValueOrder(int[] rows, int[] yearStarts)
{
    /// <summary>The known rows, year by year, each year's in value order.</summary>
    public int[] Rows => rows;

    /// <summary>Per year index of the columns, where its run starts in <see cref="Rows"/>; the last entry is the length.</summary>
    public int[] YearStarts => yearStarts;

    /// <summary>Where the year's run starts in <see cref="Rows"/>, and its length.</summary>
    public (int Start, int Length) Year(int yearIndex) => (yearStarts[yearIndex], yearStarts[yearIndex + 1] - yearStarts[yearIndex]);

    public static ValueOrder Build<TValue>(TValue values, ulong[] known, int[] columnYearStarts)
        where TValue : struct, IMeasureValue
    {
        var total = 0;
        foreach (var word in known)
        {
            total += System.Numerics.BitOperations.PopCount(word);
        }

        var rows = new int[total];

        // One year's keys at a time: a whole dataset's would double the transient memory of a read.
        var longestYear = 0;
        for (var year = 0; year + 1 < columnYearStarts.Length; year++)
        {
            longestYear = Math.Max(longestYear, columnYearStarts[year + 1] - columnYearStarts[year]);
        }

        var keys = new double[longestYear];
        var starts = new int[columnYearStarts.Length];
        var next = 0;
        for (var year = 0; year + 1 < columnYearStarts.Length; year++)
        {
            starts[year] = next;
            for (var row = columnYearStarts[year]; row < columnYearStarts[year + 1]; row++)
            {
                if (values.TryRead(row, out var value))
                {
                    rows[next] = row;
                    keys[next - starts[year]] = value;
                    next++;
                }
            }

            keys.AsSpan(0, next - starts[year]).Sort(rows.AsSpan(starts[year], next - starts[year]));
        }

        starts[^1] = next;
        return new ValueOrder(rows, starts);
    }
}
