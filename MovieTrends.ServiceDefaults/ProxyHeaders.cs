namespace MovieTrends.ServiceDefaults;

/// <summary>
/// How the web proxy tells the GraphQL service who the browser is. The address is only believed with the key
/// both services are given (<see cref="KeySetting"/>): the proxy replaces whatever a client sent under these
/// names, and the service ignores the address when the key is missing or wrong.
/// </summary>
public static class ProxyHeaders
{
    /// <summary>The configuration key of the shared secret (environment variable <c>Proxy__Key</c>).</summary>
    public const string KeySetting = "Proxy:Key";

    public const string ClientAddress = "X-MovieTrends-Client-Address";

    public const string Key = "X-MovieTrends-Proxy-Key";
}
