using Aspire.Hosting.ApplicationModel;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// Where a service the orchestrator started listens for HTTP/1.1, read from the environment it was given: its
/// Kestrel endpoint named http where the service declares Kestrel endpoints (the GraphQL service, whose second
/// endpoint is HTTP/2 only), else the first http URL of ASPNETCORE_URLS.
/// </summary>
public static class OrchestratedUrls
{
    public static Uri? Http(IEnumerable<EnvironmentVariableSnapshot> environment)
    {
        var variables = environment.ToDictionary(variable => variable.Name, variable => variable.Value);
        var url = variables.GetValueOrDefault("Kestrel__Endpoints__http__Url")
            ?? variables.GetValueOrDefault("ASPNETCORE_URLS")?.Split(';').FirstOrDefault(url => url.StartsWith("http://", StringComparison.Ordinal));
        return string.IsNullOrEmpty(url) ? null : new Uri(url.Replace("://+", "://localhost").Replace("://*", "://localhost"));
    }
}
