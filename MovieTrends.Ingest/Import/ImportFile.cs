using System.IO.Compression;
using System.Security.Cryptography;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// A data file opened for import: plain or gzipped (told apart by the gzip magic bytes, not the name),
/// hashed as it is read, and for gzip checked against its trailer once read.
/// </summary>
internal sealed class ImportFile : IDisposable
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly HashingStream _raw;
    private readonly GZipStream? _gzip;
    private readonly GzipTrailerCheck? _trailerCheck;

    private ImportFile(string path, FileStream file)
    {
        Path = path;
        _file = file;
        Span<byte> magic = stackalloc byte[2];
        IsGzip = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length
            && magic.SequenceEqual(GzipMagic);
        file.Position = 0;

        _raw = new HashingStream(file, _hash);
        if (IsGzip)
        {
            _gzip = new GZipStream(_raw, CompressionMode.Decompress, leaveOpen: true);
            _trailerCheck = new GzipTrailerCheck(_gzip);
        }

        Content = _trailerCheck ?? (Stream)_raw;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The CSV bytes, decompressed when the file is gzipped.</summary>
    public Stream Content { get; }

    public bool IsGzip { get; }

    /// <summary>How much of the file has been read, 0..1 (by bytes on disk, so also for a gzipped file).</summary>
    public double ReadFraction => _file.Length == 0 ? 1 : Math.Min(1, (double)_file.Position / _file.Length);

    public static ImportFile Open(string path)
    {
        try
        {
            return new ImportFile(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImportException($"file not found: {path}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Fails when gzip data ended early (a truncated file decompresses without an error, just short) or does
    /// not match its trailer; reads whatever the CSV reader left first. Plain files have nothing to check.
    /// </summary>
    /// <exception cref="ImportException">The file is truncated or damaged.</exception>
    public void EnsureComplete()
    {
        if (_trailerCheck is null)
        {
            return;
        }

        Span<byte> trailer = stackalloc byte[8];
        var fileLength = _file.Length;
        var trailerLength = fileLength >= trailer.Length ? RandomAccess.Read(_file.SafeFileHandle, trailer, fileLength - trailer.Length) : 0;
        bool complete;
        try
        {
            complete = _trailerCheck.Matches(trailer[..trailerLength]);
        }
        catch (InvalidDataException)
        {
            complete = false;
        }

        if (!complete)
        {
            throw Truncated(FileName);
        }
    }

    private static ImportException Truncated(string fileName) =>
        new($"{fileName} is damaged: the gzip data ends early (the file is truncated) or does not match its checksum");

    /// <summary>
    /// The sha256 of the file's bytes as stored (compressed when gzipped), after hashing whatever the
    /// reader left unread, such as a gzip trailer.
    /// </summary>
    public string FinishSha256()
    {
        _raw.CopyTo(Stream.Null);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        Content.Dispose();
        _gzip?.Dispose();
        _file.Dispose();
        _hash.Dispose();
    }
}
