using System.IO.Compression;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// A query's answer as the response cache keeps it: the execution, and a gzip copy of its body made on the first
/// hit that accepts gzip, so an answer is compressed once however often it is sent, and one asked for once never.
/// </summary>
public sealed class CachedAnswer(GraphQLExecution execution)
{
    private byte[]? _gzipBody;

    public GraphQLExecution Execution { get; } = execution;

    /// <summary>The body gzip-compressed, or null when compressing does not make it smaller.</summary>
    public byte[]? GzipBody
    {
        get
        {
            // Two first hits at once may both compress; either copy is the same bytes.
            var gzip = _gzipBody ??= Compress(Execution.Body);
            return gzip.Length == 0 ? null : gzip;
        }
    }

    /// <summary>The gzip bytes, or an empty array (remembered as "not smaller") when they would not save anything.</summary>
    private static byte[] Compress(byte[] body)
    {
        using var compressed = new MemoryStream(body.Length);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.Length < body.Length ? compressed.ToArray() : [];
    }
}
