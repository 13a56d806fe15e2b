using System.Text.Json;

namespace MovieTrends.GraphQL.Explorer;

/// <summary>
/// The bcp-config.json the IDE fetches beside its page (the keys HotChocolate's own middleware writes).
/// </summary>
public static class BananaCakePopConfig
{
    public static readonly byte[] Json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        // The page's own URL is the endpoint: /graphql on the service, and /graphql on the web app through its proxy.
        ["useBrowserUrlAsEndpoint"] = true,
        ["endpoint"] = "",
        ["useGet"] = false,
        ["includeCookies"] = false,
        // The IDE would otherwise report usage to ChilliCream; no Google Analytics id is given either.
        ["disableTelemetry"] = true,
    });
}
