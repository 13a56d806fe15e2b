using System.Text;

namespace MovieTrends.Bench.Baseline;

public static class FixedResponse
{
    /// <summary>A valid GraphQL response body of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] OfSize(int size)
    {
        const string prefix = "{\"data\":{\"padding\":\"";
        const string suffix = "\"}}";
        var padding = Math.Max(0, size - prefix.Length - suffix.Length);
        return Encoding.UTF8.GetBytes(prefix + new string('x', padding) + suffix);
    }
}
