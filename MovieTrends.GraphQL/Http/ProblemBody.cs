using System.Text.Encodings.Web;
using System.Text.Json;

namespace MovieTrends.GraphQL.Http;

/// <summary>A refused request's body, shaped like a GraphQL response so clients read one error format.</summary>
internal static class ProblemBody
{
    public static byte[] Create(RequestProblem problem)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", problem.Message);
            writer.WriteStartObject("extensions");
            writer.WriteString("code", problem.Code);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
