using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// An HTTP client for one of the app's services whose connections come from a loopback address of the
/// test's choosing (all of 127.0.0.0/8 is this machine on Linux): to a service, each address is a
/// different browser, each with its own chat allowance. It connects to the port the service itself listens
/// on, not the orchestrator's proxy in front of it, which would connect from its own address.
/// </summary>
public static class SourceAddressClient
{
    private static int _next = 10;

    /// <summary>A loopback address no other test in this run uses, so its chat allowance starts full.</summary>
    public static IPAddress Fresh()
    {
        var n = Interlocked.Increment(ref _next);
        return IPAddress.Parse($"127.0.{n / 250}.{n % 250 + 2}");
    }

    public static Task<HttpClient> CreateAsync(AppFixture app, string resource, IPAddress source)
    {
        var port = ServicePort(app, resource);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return Task.FromResult(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    /// <summary>The port the service listens on for HTTP/1.1, as the orchestrator handed it over.</summary>
    private static int ServicePort(AppFixture app, string resource)
    {
        var notifications = app.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(resource, out var state), $"No state for {resource}.");
        var variables = state.Snapshot.EnvironmentVariables;
        var http = OrchestratedUrls.Http(variables);
        // Names only: the values include connection strings.
        Assert.True(http is not null, $"{resource} was given no HTTP URL: {string.Join(", ", variables.Select(v => v.Name))}");
        return http.Port;
    }
}
