using System.Globalization;
using System.Net;
using System.Text;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Reads HTTP/1.1 responses off a socket one after another (pipelined replies share the buffer): status line,
/// headers, and a body framed by Content-Length, chunks or the close.
/// </summary>
public sealed class RawResponseReader(Stream stream)
{
    private readonly BufferedReader _reader = new(stream);

    public async Task<HttpResponseMessage> ReadAsync(CancellationToken cancellationToken)
    {
        var statusLine = await _reader.ReadLineAsync(cancellationToken)
            ?? throw new HttpRequestException("The server closed the connection without a response.");
        var parts = statusLine.Split(' ', 3);
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(parts[1], CultureInfo.InvariantCulture));

        var headers = new List<KeyValuePair<string, string>>();
        for (var line = await _reader.ReadLineAsync(cancellationToken); !string.IsNullOrEmpty(line); line = await _reader.ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var body = await ReadBodyAsync(_reader, headers, cancellationToken);
        response.Content = new ByteArrayContent(body);
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static async Task<byte[]> ReadBodyAsync(BufferedReader reader, List<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        string? Header(string name) => headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        if (Header("Content-Length") is { } length)
        {
            return await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }

        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = new List<byte>();
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync(cancellationToken) ?? "0";
                var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    return [.. body];
                }

                body.AddRange(await reader.ReadExactlyAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }
        }

        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Lines and exact byte counts over a stream, keeping what was read past a line's end.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Count == 0 ? null : Encoding.Latin1.GetString([.. line]);
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return Encoding.Latin1.GetString([.. line]).TrimEnd('\r');
                }

                line.Add(b);
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            for (var read = 0; read < count;)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new HttpRequestException($"The response ended after {read} of {count} body bytes.");
                }

                var take = Math.Min(count - read, _end - _start);
                Array.Copy(_buffer, _start, result, read, take);
                _start += take;
                read += take;
            }

            return result;
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
        {
            var result = new List<byte>();
            while (_start < _end || await FillAsync(cancellationToken))
            {
                result.AddRange(_buffer.AsSpan(_start, _end - _start).ToArray());
                _start = _end;
            }

            return [.. result];
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
