using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// What a measure reads of a movie, when known (zero means unknown in these files; a rating needs votes). One
/// struct per kind of value, so the engine's loop is compiled once per kind with the read inlined.
/// </summary>
internal interface IMeasureValue
{
    bool TryRead(int row, out double value);
}

internal readonly struct NoValue : IMeasureValue
{
    public bool TryRead(int row, out double value)
    {
        value = 0;
        return false;
    }
}

internal readonly struct RatingValue(double[] ratings) : IMeasureValue
{
    public bool TryRead(int row, out double value)
    {
        value = ratings[row];
        return !double.IsNaN(value);
    }
}

internal readonly struct RuntimeValue(int[] runtimes) : IMeasureValue
{
    public bool TryRead(int row, out double value)
    {
        value = runtimes[row];
        return value > 0;
    }
}

internal readonly struct MoneyValue(long[] amounts) : IMeasureValue
{
    public bool TryRead(int row, out double value)
    {
        value = amounts[row];
        return value > 0;
    }
}

/// <summary>Revenue ÷ budget, when both are known.</summary>
internal readonly struct RoiValue(long[] budgets, long[] revenues) : IMeasureValue
{
    public bool TryRead(int row, out double value)
    {
        var budget = budgets[row];
        var revenue = revenues[row];
        value = budget > 0 && revenue > 0 ? (double)revenue / budget : 0;
        return value > 0;
    }
}

/// <summary>Work done over a measure's values, one generic instantiation per kind of value.</summary>
internal interface IMeasureValueScan<out TResult>
{
    TResult Run<TValue>(TValue values)
        where TValue : struct, IMeasureValue;
}

internal static class MeasureValues
{
    /// <summary>Runs <paramref name="scan"/> with the reader of what <paramref name="measure"/> reads (nothing for MOVIES and SHARE).</summary>
    public static TResult Run<TScan, TResult>(TrendMeasure measure, MovieColumnArrays arrays, TScan scan)
        where TScan : IMeasureValueScan<TResult> => measure switch
    {
        TrendMeasure.AverageRating => scan.Run(new RatingValue(arrays.Ratings)),
        TrendMeasure.MedianRuntime => scan.Run(new RuntimeValue(arrays.Runtimes)),
        TrendMeasure.MedianBudget => scan.Run(new MoneyValue(arrays.Budgets)),
        TrendMeasure.MedianRevenue or TrendMeasure.TotalRevenue => scan.Run(new MoneyValue(arrays.Revenues)),
        TrendMeasure.MedianRoi => scan.Run(new RoiValue(arrays.Budgets, arrays.Revenues)),
        _ => scan.Run(new NoValue()),
    };

    /// <summary>One measure per kind of value read (TOTAL_REVENUE reads what MEDIAN_REVENUE does): what the column indexes are kept for.</summary>
    public static IReadOnlyList<TrendMeasure> ValueKinds { get; } =
        [TrendMeasure.AverageRating, TrendMeasure.MedianRuntime, TrendMeasure.MedianBudget, TrendMeasure.MedianRevenue, TrendMeasure.MedianRoi];

    /// <summary>The index in <see cref="ValueKinds"/> of what the measure reads; -1 when it reads nothing.</summary>
    public static int ValueKind(TrendMeasure measure)
    {
        var reads = measure == TrendMeasure.TotalRevenue ? TrendMeasure.MedianRevenue : measure;
        for (var kind = 0; kind < ValueKinds.Count; kind++)
        {
            if (ValueKinds[kind] == reads)
            {
                return kind;
            }
        }

        return -1;
    }

    /// <summary>Whether the measure adds its known values up (a mean or a total) rather than counting or taking a median.</summary>
    public static bool SumsValues(TrendMeasure measure) => measure is TrendMeasure.AverageRating or TrendMeasure.TotalRevenue;

    public static bool IsMedian(TrendMeasure measure) =>
        measure is TrendMeasure.MedianRuntime or TrendMeasure.MedianBudget or TrendMeasure.MedianRevenue or TrendMeasure.MedianRoi;

    /// <summary>Whether the measure counts movies (MOVIES, SHARE) rather than reading a value of each.</summary>
    public static bool CountsMovies(TrendMeasure measure) => measure is TrendMeasure.Movies or TrendMeasure.Share;
}
