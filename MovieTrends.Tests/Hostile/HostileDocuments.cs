using System.Text;
using System.Text.Json;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Builds the largest documents a request may carry: units repeated, or nested, until the JSON body
/// would pass the service's 64 KiB limit, so each case is the worst of its kind that is not refused for size.
/// </summary>
public static class HostileDocuments
{
    public const int MaxBodyBytes = 64 * 1024;

    // {"query":"..."} around the document, plus room for a short tail.
    private const int Reserve = 64;

    /// <summary>head, then unit(0), unit(1)... as many as fit, then tail(count).</summary>
    public static string Repeat(string head, Func<int, string> unit, Func<int, string>? tail = null)
    {
        var text = new StringBuilder(head);
        var size = JsonLength(head);
        var count = 0;
        while (true)
        {
            var next = unit(count);
            var nextSize = JsonLength(next);
            if (size + nextSize > MaxBodyBytes - Reserve)
            {
                break;
            }

            text.Append(next);
            size += nextSize;
            count++;
        }

        return text.Append(tail?.Invoke(count) ?? "").ToString();
    }

    public static string Repeat(string head, string unit, string tail = "") => Repeat(head, _ => unit, _ => tail);

    /// <summary>open × levels, inner, close × levels; levels null means as deep as fits.</summary>
    public static string Nest(string head, string open, string inner, string close, string tail, int? levels = null)
    {
        var room = MaxBodyBytes - Reserve - JsonLength(head + inner + tail);
        var count = levels ?? room / JsonLength(open + close);
        return head + string.Concat(Enumerable.Repeat(open, count)) + inner + string.Concat(Enumerable.Repeat(close, count)) + tail;
    }

    public static HttpRequestMessage Post(string query, string? variablesJson = null, string? operationName = null)
    {
        var body = new StringBuilder("{\"query\":").Append(JsonSerializer.Serialize(query));
        if (variablesJson is not null)
        {
            body.Append(",\"variables\":").Append(variablesJson);
        }

        if (operationName is not null)
        {
            body.Append(",\"operationName\":").Append(JsonSerializer.Serialize(operationName));
        }

        var content = body.Append('}').ToString();
        Assert.True(Encoding.UTF8.GetByteCount(content) <= MaxBodyBytes, "A hostile body must fit the size limit, or it only tests the 413.");
        return new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(content, Encoding.UTF8, "application/json"),
        };
    }

    public static HttpRequestMessage Get(string query) =>
        new(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));

    private static int JsonLength(string text) => JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
}
