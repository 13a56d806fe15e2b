using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// An HTTP/1.1 client over a bare socket, for bytes HttpClient refuses to send (broken framing, bad request lines,
/// impossible headers). A request carrying <see cref="RawRequest"/> sends exactly those bytes, with the request's own
/// headers (HostileProbe's canary) spliced in after the first line; any other request is written out plainly, so
/// HostileProbe's follow-up query travels the same way. One connection per request, read until its reply ends.
/// </summary>
public sealed class RawSocketHandler : HttpMessageHandler
{
    public static readonly HttpRequestOptionsKey<byte[]> RawRequest = new("raw-request");

    /// <summary>A client for the same endpoint as <paramref name="http"/>, speaking through raw sockets.</summary>
    public static HttpClient ClientFor(HttpClient http) => new(new RawSocketHandler()) { BaseAddress = http.BaseAddress };

    public static HttpRequestMessage Request(byte[] bytes)
    {
        // The URI only names the connection; the bytes say everything else.
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Options.Set(RawRequest, bytes);
        return request;
    }

    public static HttpRequestMessage Request(string ascii) => Request(Encoding.Latin1.GetBytes(ascii));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var bytes = request.Options.TryGetValue(RawRequest, out var raw)
            ? SpliceHeaders(raw, request)
            : await SerializeAsync(request, uri, cancellationToken);

        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(bytes, cancellationToken);
        return await new RawResponseReader(stream).ReadAsync(cancellationToken);
    }

    private static byte[] SpliceHeaders(byte[] raw, HttpRequestMessage request)
    {
        var firstLineEnd = raw.AsSpan().IndexOf("\r\n"u8);
        var headers = HeaderLines(request);
        if (firstLineEnd < 0 || headers.Length == 0)
        {
            return raw;
        }

        var at = firstLineEnd + 2;
        return [.. raw.AsSpan(0, at), .. Encoding.ASCII.GetBytes(headers), .. raw.AsSpan(at)];
    }

    private static async Task<byte[]> SerializeAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var head = new StringBuilder()
            .Append($"{request.Method} {uri.PathAndQuery} HTTP/1.1\r\n")
            .Append($"Host: {uri.Authority}\r\n")
            .Append(HeaderLines(request))
            .Append("Connection: close\r\n");
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.Where(header => header.Key != "Content-Length"))
            {
                head.Append($"{header.Key}: {string.Join(", ", header.Value)}\r\n");
            }

            head.Append($"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string HeaderLines(HttpRequestMessage request) =>
        string.Concat(request.Headers.Select(header => $"{header.Key}: {string.Join(", ", header.Value)}\r\n"));
}
