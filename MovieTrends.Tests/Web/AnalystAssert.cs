namespace MovieTrends.Tests.Web;

/// <summary>Comparisons of what the page draws with what the raw-CSV oracle computes.</summary>
internal static class AnalystAssert
{
    /// <summary>
    /// The same values, null at the same places (a gap, never a zero); numbers equal up to the rounding of a sum
    /// taken in another order.
    /// </summary>
    public static void Values(IReadOnlyList<double?> expected, IReadOnlyList<double?> drawn)
    {
        Assert.Equal(expected.Count, drawn.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] is null == drawn[i] is null, $"Value {i}: expected {expected[i]?.ToString() ?? "a gap"}, drawn {drawn[i]?.ToString() ?? "a gap"}.");
            if (expected[i] is { } value)
            {
                Assert.True(Math.Abs(value - drawn[i]!.Value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"Value {i}: expected {value}, drawn {drawn[i]}.");
            }
        }
    }
}
