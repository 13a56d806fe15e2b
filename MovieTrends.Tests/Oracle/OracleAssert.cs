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

    /// <summary>
    /// Everything of a <c>genreTrends</c> answer with a measure: the counts as above, the measure, and each series'
    /// known counts and values (null where the oracle has none). Values agree to 1e-9 relative: a mean's sum may be
    /// taken in another order than the oracle's.
    /// </summary>
    public static void GenreTrendsMeasure(OracleTrends expected, JsonElement answer)
    {
        GenreTrendsCounts(expected, answer);
        Assert.Equal(expected.Measure.GraphQLName(), answer.GetProperty("measure").GetString());
        foreach (var (series, actual) in expected.Series.Zip(answer.GetProperty("series").EnumerateArray()))
        {
            Assert.True(series.Known.SequenceEqual(actual.GetProperty("known").Ints()), $"known of {series.Genre}");
            var values = actual.GetProperty("values").EnumerateArray()
                .Select(value => value.ValueKind == JsonValueKind.Null ? (double?)null : value.GetDouble())
                .ToArray();
            Assert.Equal(series.Values.Length, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var context = $"{series.Genre} {expected.Years[i]} {expected.Measure.GraphQLName()}";
                Assert.True(series.Values[i] is null == values[i] is null, $"{context}: expected {series.Values[i]}, got {values[i]}");
                if (series.Values[i] is { } value)
                {
                    Assert.True(Math.Abs(value - values[i]!.Value) <= 1e-9 * Math.Max(1, Math.Abs(value)),
                        $"{context}: expected {value:R}, got {values[i]:R}");
                }
            }
        }
    }

    /// <summary>A filter as the <c>MovieFilter</c> input variable: fields left null are left out.</summary>
    public static Dictionary<string, object> Variable(this OracleFilter filter)
    {
        var variable = new Dictionary<string, object>();
        if (filter.Languages is { } languages)
        {
            variable["languages"] = languages;
        }

        if (filter.MinVotes is { } minVotes)
        {
            variable["minVotes"] = minVotes;
        }

        if (filter.MinRating is { } minRating)
        {
            variable["minRating"] = minRating;
        }

        if (filter.ReleasedOnly is { } releasedOnly)
        {
            variable["releasedOnly"] = releasedOnly;
        }

        return variable;
    }
}
