using System.Net;
using System.Security.Cryptography;
using System.Text;
using MovieTrends.GraphQL.Execution;
using MovieTrends.ServiceDefaults;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// Who a chat message is from, for the per-client allowance: the browser's address the web proxy forwards
/// when the request carries the proxy's key, else the address of the connection itself. A forwarded address
/// without the right key (a client calling the service directly and naming any address it likes) is ignored,
/// so it cannot mint new allowances.
/// </summary>
public sealed class ChatClientResolver
{
    // Both sides are hashed first, so the comparison takes the same time whatever the presented key's length.
    private readonly byte[]? _keyHash;

    public ChatClientResolver(IConfiguration configuration)
    {
        var key = configuration[ProxyHeaders.KeySetting];
        _keyHash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public string Resolve(RequestOrigin? origin)
    {
        if (origin is null)
        {
            return "unknown";
        }

        if (FromProxy(origin.Headers) is { } forwarded)
        {
            return forwarded;
        }

        return origin.RemoteAddress is { } address ? Normalize(address) : "unknown";
    }

    private string? FromProxy(IHeaderDictionary headers)
    {
        if (_keyHash is null
            || headers[ProxyHeaders.Key] is not [{ } presented]
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _keyHash))
        {
            return null;
        }

        return headers[ProxyHeaders.ClientAddress] is [{ } value] && IPAddress.TryParse(value, out var address)
            ? Normalize(address)
            : null;
    }

    private static string Normalize(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
