using System.Numerics;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// <see cref="GenreRanking"/> in one scan of the range: the same rules as a genre trend (a passing movie counts once in
/// each of its genres; zero means unknown; a rating needs votes), pooled over every year instead of one per year.
/// </summary>
public static class GenreRankingCalculator
{
    public static GenreRanking Compute(MovieColumns columns, string dataset, int from, int to, TrendMeasure measure, in MoviePredicate predicate)
    {
        var (movies, gather) = MeasureValues.Run<RankingScan, (int, Gathered)>(
            measure, columns.Arrays, new RankingScan(columns, from, to, predicate));
        var figures = new List<GenreFigure>();
        for (var bit = 0; bit < columns.GenreNames.Count; bit++)
        {
            if (gather.Counts[bit] > 0)
            {
                figures.Add(new GenreFigure(columns.GenreNames[bit], gather.Counts[bit], gather.Values[bit].Count,
                    Value(measure, gather.Counts[bit], movies, gather.Values[bit])));
            }
        }

        // Best first; genres without a known value last; ties by name.
        figures.Sort(static (a, b) => (a.Value, b.Value) switch
        {
            (null, not null) => 1,
            (not null, null) => -1,
            ({ } x, { } y) when x != y => y.CompareTo(x),
            _ => string.CompareOrdinal(a.Genre, b.Genre),
        });
        return new GenreRanking(dataset, from, to, measure, movies, figures);
    }

    /// <summary>Passing movies in the range, and per genre what <see cref="Gather{TValue}"/> collected.</summary>
    private readonly struct RankingScan(MovieColumns columns, int from, int to, MoviePredicate predicate) : IMeasureValueScan<(int, Gathered)>
    {
        public (int, Gathered) Run<TValue>(TValue values)
            where TValue : struct, IMeasureValue
        {
            var gather = new Gather<TValue>(columns, values);
            var movies = columns.Scan(from, to, genreMask: null, predicate, ref gather);
            return (movies, new Gathered(gather.Counts, gather.Values));
        }
    }

    /// <summary>Per genre bit: passing movies, and the known values.</summary>
    private sealed record Gathered(int[] Counts, List<double>[] Values);

    private static double? Value(TrendMeasure measure, int count, int movies, List<double> known) => measure switch
    {
        TrendMeasure.Movies => count,
        TrendMeasure.Share => movies > 0 ? 100.0 * count / movies : null,
        _ when known.Count == 0 => null,
        TrendMeasure.AverageRating => known.Average(),
        TrendMeasure.TotalRevenue => known.Sum(),
        _ => MedianSelection.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(known)),
    };

    private struct Gather<TValue>(MovieColumns columns, TValue values) : IRowVisitor
        where TValue : struct, IMeasureValue
    {
        public int[] Counts { get; } = new int[columns.GenreNames.Count];

        public List<double>[] Values { get; } = [.. columns.GenreNames.Select(_ => new List<double>())];

        public readonly void Visit(int row)
        {
            var known = values.TryRead(row, out var value);
            for (var bits = columns.GenreMasks[row]; bits != 0; bits &= bits - 1)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                Counts[bit]++;
                if (known)
                {
                    Values[bit].Add(value);
                }
            }
        }
    }
}
