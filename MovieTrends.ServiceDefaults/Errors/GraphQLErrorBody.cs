using System.Text.Encodings.Web;
using System.Text.Json;

namespace MovieTrends.ServiceDefaults.Errors;

/// <summary>
/// An error in the shape of a GraphQL response, <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c>, so a
/// GraphQL client reads every refusal the same way, whichever layer made it.
/// </summary>
public static class GraphQLErrorBody
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create(string code, string message, string? correlationId = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteStartObject("extensions");
            writer.WriteString("code", code);
            if (correlationId is not null)
            {
                writer.WriteString("correlationId", correlationId);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
