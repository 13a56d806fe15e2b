using MovieTrends.ServiceDefaults;
using Yarp.ReverseProxy.Transforms;

namespace MovieTrends.Web.Proxy;

/// <summary>
/// Tells the GraphQL service which browser sent a request, so the chat's allowance is per browser and not
/// shared by everyone behind this proxy. Whatever a client sent under these header names is dropped first:
/// only this proxy's own view of the connection, sent with the key the two services share, reaches the service.
/// </summary>
internal static class ClientAddressTransform
{
    public static void Apply(RequestTransformContext context, string? proxyKey)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove(ProxyHeaders.ClientAddress);
        headers.Remove(ProxyHeaders.Key);
        context.ProxyRequest.Content?.Headers.Remove(ProxyHeaders.ClientAddress);
        context.ProxyRequest.Content?.Headers.Remove(ProxyHeaders.Key);

        // Without a key the service would ignore the address anyway; then it counts by this proxy's address.
        if (string.IsNullOrEmpty(proxyKey) || context.HttpContext.Connection.RemoteIpAddress is not { } address)
        {
            return;
        }

        headers.TryAddWithoutValidation(ProxyHeaders.ClientAddress, (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
        headers.TryAddWithoutValidation(ProxyHeaders.Key, proxyKey);
    }
}
