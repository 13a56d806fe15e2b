namespace MovieTrends.AppHost;

/// <summary>
/// The GraphQL service's endpoints, which its appsettings.json declares as Kestrel endpoints and Aspire takes over
/// by name: <c>http</c> (HTTP/1.1 for browsers, explorers and health probes) and <c>h2c</c> (HTTP/2 only, without
/// TLS, for the web proxy; its transport is http2 because the endpoint's Protocols say Http2).
/// </summary>
internal static class GraphQLEndpoints
{
    public const string H2c = "h2c";
}
