namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// What the engine precomputes over one dataset's columns when they are read, so a question never gathers or sorts:
/// per genre a bitmap of the movies that have it, per kind of value a bitmap of the movies whose value is known,
/// and per median kind each year's known movies in value order. Bit <c>r</c> of a bitmap (word <c>r / 64</c>) is
/// row <c>r</c>. About 2 bytes and a bit per genre a known movie per median kind, and an eighth of a byte a movie per bitmap.
/// </summary>
internal sealed class MovieColumnIndexes
{
    private MovieColumnIndexes(ulong[][] genres, ulong[][] known, ValueOrder?[] orders)
    {
        Genres = genres;
        Known = known;
        Orders = orders;
    }

    /// <summary>Per genre bit, the rows with that genre.</summary>
    public ulong[][] Genres { get; }

    /// <summary>Per <see cref="MeasureValues.ValueKind"/>, the rows whose value is known.</summary>
    public ulong[][] Known { get; }

    /// <summary>Per <see cref="MeasureValues.ValueKind"/>, the years' known rows in value order; null for kinds no median reads.</summary>
    public ValueOrder?[] Orders { get; }

    public static int Words(int rows) => (rows + 63) >> 6;

    public static MovieColumnIndexes Build(MovieColumnArrays arrays, int[] yearStarts, int genreCount)
    {
        var count = arrays.Ids.Length;
        var genres = new ulong[genreCount][];
        for (var bit = 0; bit < genreCount; bit++)
        {
            genres[bit] = new ulong[Words(count)];
        }

        var masks = arrays.GenreMasks;
        for (var row = 0; row < count; row++)
        {
            for (var bits = masks[row]; bits != 0; bits &= bits - 1)
            {
                genres[System.Numerics.BitOperations.TrailingZeroCount(bits)][row >> 6] |= 1UL << row;
            }
        }

        var kinds = MeasureValues.ValueKinds;
        var known = new ulong[kinds.Count][];
        var orders = new ValueOrder?[kinds.Count];
        for (var kind = 0; kind < kinds.Count; kind++)
        {
            (known[kind], orders[kind]) = MeasureValues.Run<KindIndexing, (ulong[], ValueOrder?)>(
                kinds[kind], arrays, new KindIndexing(count, arrays.GenreMasks, genreCount, yearStarts, MeasureValues.IsMedian(kinds[kind])));
        }

        return new MovieColumnIndexes(genres, known, orders);
    }

    private readonly struct KindIndexing(int count, uint[] masks, int genreCount, int[] yearStarts, bool ordered) : IMeasureValueScan<(ulong[], ValueOrder?)>
    {
        public (ulong[], ValueOrder?) Run<TValue>(TValue values)
            where TValue : struct, IMeasureValue
        {
            var known = new ulong[Words(count)];
            for (var row = 0; row < count; row++)
            {
                if (values.TryRead(row, out _))
                {
                    known[row >> 6] |= 1UL << row;
                }
            }

            return (known, ordered ? ValueOrder.Build(values, masks, genreCount, yearStarts) : null);
        }
    }
}
