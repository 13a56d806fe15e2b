using System.Net;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Hostile;

/// <summary>No reply names the server software: a prober learns nothing a client needs from it.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ServerHeaderTests(InProcessApp app)
{
    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task An_answer_has_no_Server_header(string target)
    {
        using var http = app.CreateHttpClient(target);

        using var response = await http.GetAsync("/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task A_refusal_has_no_Server_header(string target)
    {
        using var http = app.CreateHttpClient(target);

        using var response = await http.GetAsync("/graphql?query=%7B");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
