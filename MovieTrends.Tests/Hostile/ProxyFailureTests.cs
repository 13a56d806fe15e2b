using System.Net;
using System.Net.Sockets;
using System.Text;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// The web's /graphql proxy in front of a GraphQL service that is down, answers garbage or hangs: that is a server
/// fault, so a 502 (504 for the hang), but a bounded one with a short GraphQL-shaped body and nothing of YARP's
/// or the socket's error.
/// </summary>
[Trait("Layer", "Fast")]
public sealed class ProxyFailureTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_GraphQL_service_that_is_down_is_a_short_502(string environment)
    {
        // A port that was just free and that nothing listens on.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await AssertBadGatewayAsync(environment, port);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_GraphQL_service_that_answers_garbage_is_a_short_502(string environment)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var garbage = AnswerGarbageAsync(listener, stop.Token);

        await AssertBadGatewayAsync(environment, ((IPEndPoint)listener.LocalEndpoint).Port);

        await stop.CancelAsync();
        await garbage;
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_GraphQL_service_that_never_answers_is_a_504_once_the_proxy_stops_waiting(string environment)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var silence = AcceptAndSayNothingAsync(listener, stop.Token);

        await AssertProxyFailureAsync(environment, ((IPEndPoint)listener.LocalEndpoint).Port, HttpStatusCode.GatewayTimeout, "GATEWAY_TIMEOUT");

        await stop.CancelAsync();
        await silence;
    }

    private static Task AssertBadGatewayAsync(string environment, int graphQLPort) =>
        AssertProxyFailureAsync(environment, graphQLPort, HttpStatusCode.BadGateway, "BAD_GATEWAY");

    private static async Task AssertProxyFailureAsync(string environment, int graphQLPort, HttpStatusCode status, string code)
    {
        // The production default waits 45 s for a hung service; the test need not.
        await using var web = new InProcessWebFrontend(
            new Uri($"http://127.0.0.1:{graphQLPort}"),
            new Dictionary<string, string?> { ["GraphQLProxy:ActivityTimeout"] = "00:00:01" },
            environment);
        web.StartServer();
        using var http = new HttpClient { BaseAddress = web.Address };
        // The first request through a fresh proxy compiles YARP's path; the budget is for the refusal, not the JIT.
        (await http.GetAsync("/graphql?query=%7B__typename%7D")).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");

        var reply = await HostileProbe.SendAsync(http, request);

        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.ErrorCode());
        Assert.True(reply.Body.Length < 200, $"The reply is not short: {reply.Body}");
    }

    private static async Task AcceptAndSayNothingAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<TcpClient>();
        try
        {
            while (true)
            {
                connections.Add(await listener.AcceptTcpClientAsync(cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            connections.ForEach(connection => connection.Dispose());
        }
    }

    private static async Task AnswerGarbageAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync(cancellationToken);
                var stream = connection.GetStream();
                // Whatever the request was, the answer is the same garbage.
                _ = await stream.ReadAsync(new byte[4096], cancellationToken);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("not HTTP at all\r\n\r\n"), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    }
}
