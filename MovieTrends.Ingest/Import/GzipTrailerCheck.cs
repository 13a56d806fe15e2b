using System.Buffers.Binary;
using System.IO.Hashing;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Counts and CRC-32s the decompressed bytes as they are read, so the end of the data can be checked
/// against the gzip trailer (CRC-32 and length of the data, the file's last 8 bytes). The decompressor
/// reports a file cut short as a normal end of data; only this comparison tells a truncated file from a
/// complete one. Checks the file as one gzip member: a file made by concatenating members fails it.
/// Disposing it leaves the decompressor open, so the data can still be drained for the check.
/// </summary>
internal sealed class GzipTrailerCheck(Stream decompressed) : Stream
{
    private readonly Crc32 _crc = new();
    private long _length;

    /// <summary>Reads whatever is left, then compares with the trailer; false when the file is truncated or damaged.</summary>
    public bool Matches(ReadOnlySpan<byte> trailer)
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }

        return trailer.Length == 8
            && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == _crc.GetCurrentHashAsUInt32()
            && BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == (uint)_length;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        Append(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await decompressed.ReadAsync(buffer, cancellationToken);
        Append(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Append(ReadOnlySpan<byte> data)
    {
        _crc.Append(data);
        _length += data.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
