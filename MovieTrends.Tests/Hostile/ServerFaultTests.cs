using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// An unexpected fault is a 500 whose body says only that, with a correlation id, in Development (where the
/// developer exception page would otherwise answer with the stack) as in production; the log holds the id with
/// the exception, so the id finds the cause.
/// </summary>
[Trait("Layer", "Fast")]
public sealed partial class ServerFaultTests
{
    public static TheoryData<string> EnvironmentNames => ["Development", "Production"];

    [Theory]
    [MemberData(nameof(EnvironmentNames))]
    public async Task A_fault_under_graphql_is_a_GraphQL_500_with_only_a_correlation_id(string environment)
    {
        await using var service = await FaultingService.StartAsync(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/fault");

        var reply = await HostileProbe.SendAsync(service.Client, request);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        using var body = JsonDocument.Parse(reply.Body);
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        var extensions = error.GetProperty("extensions");
        var correlationId = extensions.GetProperty("correlationId").GetString()!;
        Assert.Equal("INTERNAL_ERROR", extensions.GetProperty("code").GetString());
        Assert.Equal($"The server failed to answer this request; quote correlation id {correlationId} when reporting it.", error.GetProperty("message").GetString());
        Assert.Equal(["errors"], body.RootElement.EnumerateObject().Select(property => property.Name));
        AssertLoggedWithTheException(service, correlationId);
        await HostileProbe.AssertStillAnswersAsync(service.Client);
    }

    [Theory]
    [MemberData(nameof(EnvironmentNames))]
    public async Task A_fault_elsewhere_is_a_plain_500_with_only_a_correlation_id(string environment)
    {
        await using var service = await FaultingService.StartAsync(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fault");

        var reply = await HostileProbe.SendAsync(service.Client, request);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("text/plain", reply.MediaType);
        var match = PlainFault().Match(reply.Body);
        Assert.True(match.Success, $"Unexpected body: {reply.Body}");
        AssertLoggedWithTheException(service, match.Groups["id"].Value);
        await HostileProbe.AssertStillAnswersAsync(service.Client);
    }

    private static void AssertLoggedWithTheException(FaultingService service, string correlationId)
    {
        // The trace id: the dashboard finds the request's span and every log line of it by this.
        Assert.Matches("^[0-9a-f]{32}$", correlationId);
        var line = Assert.Single(service.Logs.Lines, line => line.Contains(correlationId, StringComparison.Ordinal));
        Assert.StartsWith("Error ", line);
        Assert.Contains($"System.InvalidOperationException: {FaultingService.Secret}", line);
    }

    [GeneratedRegex(@"^INTERNAL_ERROR: The server failed to answer this request; quote correlation id (?<id>\S+) when reporting it\.\n$")]
    private static partial Regex PlainFault();
}
