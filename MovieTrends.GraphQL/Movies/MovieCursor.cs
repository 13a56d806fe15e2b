using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using GraphQL;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Movies;

/// <summary>
/// A position in a drill-down list: the order, the (sort key, id) of the last movie of a page, and the
/// <see cref="MovieListFingerprint"/> of the list; the next page starts after it. Written as base64url of a version
/// byte, the order, the key, the id and the list, then a checksum, so a cursor that was typed, cut or edited is
/// refused rather than read as another position, and a cursor of another list (range, genre, filter, order or
/// dataset) is refused rather than read as a place in this one.
/// </summary>
public sealed record MovieCursor(MovieOrder Order, long Key, int Id, uint List)
{
    /// <summary>The layout this service writes and reads; a cursor of any other version is refused.</summary>
    public const byte Version = 2;

    private const int PayloadLength = 1 + 1 + sizeof(long) + sizeof(int) + sizeof(uint);
    private const int ChecksumLength = 4;
    private const int Length = PayloadLength + ChecksumLength;

    // Base64url of a cursor is 30 characters; anything much longer is not worth decoding.
    private const int MaxTextLength = 64;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)Order;
        BinaryPrimitives.WriteInt64BigEndian(bytes[2..], Key);
        BinaryPrimitives.WriteInt32BigEndian(bytes[10..], Id);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[14..], List);
        Checksum(bytes[..PayloadLength]).CopyTo(bytes[PayloadLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads an <c>after</c> argument for the list in <paramref name="order"/> whose fingerprint is <paramref name="list"/>.</summary>
    /// <exception cref="CatalogQueryException">INVALID_CURSOR, with what to do instead.</exception>
    public static MovieCursor Decode(string text, MovieOrder order, uint list)
    {
        Span<byte> bytes = stackalloc byte[MaxTextLength];
        var written = 0;
        if (text.Length > MaxTextLength
            || Base64Url.DecodeFromChars(text, bytes, out _, out written) != OperationStatus.Done
            || written == 0)
        {
            throw Invalid("'after' is not a cursor: pass the `pageInfo.endCursor` of a previous page, or omit 'after' for the first page.");
        }

        // The version comes first because another version may lay out the rest differently. Text that only happens
        // to decode lands here too, so the message does not talk of versions.
        if (bytes[0] != Version)
        {
            throw Invalid("'after' is not a cursor this service gave out: pass a `pageInfo.endCursor` this service returned, " +
                "or start the list again without 'after'.");
        }

        if (written != Length || !Checksum(bytes[..PayloadLength]).SequenceEqual(bytes[PayloadLength..Length]))
        {
            throw Invalid("'after' was altered or cut: pass a `pageInfo.endCursor` exactly as it was returned, or omit 'after'.");
        }

        var cursorOrder = (MovieOrder)bytes[1];
        if (cursorOrder != order)
        {
            throw Invalid($"'after' is a cursor of orderBy {Name(cursorOrder)}, not {Name(order)}: pass the endCursor of a " +
                $"page ordered by {Name(order)}, or omit 'after' to start that order's first page.");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(bytes[14..]) != list)
        {
            throw Invalid("'after' is the endCursor of another list (another range, genre, filter or dataset): pass the " +
                "`pageInfo.endCursor` of a page of this same query, or start the list again without 'after'.");
        }

        return new MovieCursor(order, BinaryPrimitives.ReadInt64BigEndian(bytes[2..]), BinaryPrimitives.ReadInt32BigEndian(bytes[10..]), list);
    }

    /// <summary>Whether a movie with this key and id comes after the cursor's position.</summary>
    public bool Precedes(long key, int id) => key > Key || (key == Key && id > Id);

    // Not a secret: a cursor only holds public values. It tells a cursor this service wrote from an edited one.
    private static ReadOnlySpan<byte> Checksum(ReadOnlySpan<byte> payload) => SHA256.HashData(payload).AsSpan(0, ChecksumLength);

    private static string Name(MovieOrder order) =>
        Enum.IsDefined(order) ? order.ToString().ToConstantCase() : $"#{(int)order}";

    private static CatalogQueryException Invalid(string message) => new(CatalogErrorCodes.InvalidCursor, message);
}
