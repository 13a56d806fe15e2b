extern alias WebFrontend;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The web front end hosted in the test process by its own Program, on a loopback port, its /graphql proxy
/// pointed at a GraphQL service by the service-discovery setting the AppHost would give it: the service's
/// HTTP/2 cleartext endpoint.
/// </summary>
public sealed class InProcessWebFrontend : WebApplicationFactory<WebFrontend::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;

    /// <param name="settings">Written before Program adds its services, as the AppHost's environment is.</param>
    /// <param name="environment">Development by default, as the AppHost runs it (its launch profile).</param>
    /// <param name="graphQLService">The service's HTTP/2-only endpoint (<see cref="GraphQL.InProcessGraphQLService.H2cAddress"/>).</param>
    public InProcessWebFrontend(Uri graphQLService, IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        _settings = new Dictionary<string, string?>(settings) { ["services:graphql:h2c:0"] = graphQLService.ToString() };
        _environment = environment;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
