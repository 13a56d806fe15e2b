using System.Text.Json;
using MovieTrends.Tests.GraphQL;

namespace MovieTrends.Tests.Oracle;

/// <summary>Compares a service's answer with what the oracle computed from the raw files.</summary>
public static class OracleAssert
{
    /// <summary>Years, totals and every series' counts and total of a <c>genreTrends</c> answer.</summary>
    public static void GenreTrendsCounts(OracleTrends expected, JsonElement answer)
    {
        Assert.Equal(expected.Years, answer.GetProperty("years").Ints());
        Assert.Equal(expected.Totals, answer.GetProperty("totals").Ints());
        Assert.Equal(
            expected.Series.Select(series => (series.Genre, string.Join(',', series.Counts), series.Total)),
            answer.GetProperty("series").EnumerateArray().Select(series => (
                series.GetProperty("genre").GetString()!,
                string.Join(',', series.GetProperty("counts").Ints()),
                series.GetProperty("total").GetInt32())));
    }
}
