namespace MovieTrends.Tests.Oracle;

/// <summary>One genre's row of <c>genreTrends</c>: <c>counts</c>, <c>values</c>, <c>known</c> per year and the range's <c>total</c>.</summary>
public sealed record OracleSeries(string Genre, int[] Counts, double?[] Values, int[] Known, int Total);

/// <summary>The expected <c>genreTrends</c> answer.</summary>
public sealed record OracleTrends(int From, int To, int[] Years, int[] Totals, OracleMeasure Measure, IReadOnlyList<OracleSeries> Series)
{
    public OracleSeries this[string genre] => Series.Single(series => series.Genre == genre);
}
