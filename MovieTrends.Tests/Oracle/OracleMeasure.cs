namespace MovieTrends.Tests.Oracle;

/// <summary>The <c>TrendMeasure</c> values of issue 13, in the schema's order.</summary>
public enum OracleMeasure
{
    Movies,
    Share,
    AverageRating,
    MedianRuntime,
    MedianBudget,
    MedianRevenue,
    TotalRevenue,
    MedianRoi,
}

public static class OracleMeasureNames
{
    /// <summary>The schema's spelling of an oracle enum value (a measure, an order): <c>MedianRoi</c> is <c>MEDIAN_ROI</c>.</summary>
    public static string GraphQLName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{char.ToUpperInvariant(c)}"));
}
