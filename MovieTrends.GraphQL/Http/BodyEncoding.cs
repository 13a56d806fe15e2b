using System.Buffers;
using System.Text.Unicode;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// A POST body must be UTF-8 JSON text (RFC 8259 section 8.1). This names what else arrived, before the JSON
/// reader, which does not check the bytes of strings it is not asked to decode.
/// </summary>
internal static class BodyEncoding
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16BigEndianByteOrderMark => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf16LittleEndianByteOrderMark => [0xFF, 0xFE];

    public static RequestProblem? FindProblem(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        ReadOnlySpan<byte> bytes = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        if (bytes.StartsWith(Utf8ByteOrderMark))
        {
            return RequestProblem.InvalidEncoding("The body starts with a byte order mark; send UTF-8 JSON without one.");
        }

        // JSON text starts with an ASCII character, so a zero among the first two bytes means UTF-16 or UTF-32.
        if (bytes.StartsWith(Utf16BigEndianByteOrderMark) || bytes.StartsWith(Utf16LittleEndianByteOrderMark) || bytes[0] == 0 || (bytes.Length > 1 && bytes[1] == 0))
        {
            return RequestProblem.InvalidEncoding("The body is UTF-16 or UTF-32 text; send UTF-8 JSON.");
        }

        return Utf8.IsValid(bytes)
            ? null
            : RequestProblem.InvalidEncoding("The body is not valid UTF-8 (an invalid, overlong or cut-off byte sequence); send UTF-8 JSON.");
    }
}
