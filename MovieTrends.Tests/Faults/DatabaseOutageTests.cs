using System.Net;
using System.Text.Json;
using MovieTrends.GraphQL.Database;
using MovieTrends.Tests.Hostile;
using Xunit.Abstractions;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// What every request gets while the database is out, whatever the way it went out: an answer within the
/// operation budget that names the outage (503, Retry-After, no stack trace), the fields memory holds still
/// answered, input errors still named for what they are, a readiness probe that says Unhealthy in time, and
/// one log line for the whole outage.
/// </summary>
public abstract class DatabaseOutageTests(DatabaseOutage outage, ITestOutputHelper output)
{
    /// <summary>The operation budget: the service's own bounds end a request on a frozen server after at most 7 s.</summary>
    private static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MemoryBudget = TimeSpan.FromSeconds(3);

    // The readiness check's own budget, and as much again for a machine busy with other tests.
    private static readonly TimeSpan HealthBudget = CatalogDatabaseHealthCheck.Budget * 2;

    private HttpClient Client => outage.Service.Client;

    [Theory]
    [MemberData(nameof(OutageRequests.DatabaseBoundNames), MemberType = typeof(OutageRequests))]
    public async Task A_read_the_database_must_answer_is_refused_in_time_and_named(string name)
    {
        var reply = await HostileProbe.SendAsync(Client, OutageRequests.DatabaseBound[name](), outage.RefusalBudget ?? RequestBudget);

        AssertNamedOutage(reply);
        await HostileProbe.AssertStillAnswersAsync(Client);
    }

    [Theory]
    [MemberData(nameof(OutageRequests.MemoryServedNames), MemberType = typeof(OutageRequests))]
    public async Task A_read_memory_holds_is_still_answered(string name)
    {
        var reply = await HostileProbe.SendAsync(Client, OutageRequests.MemoryServed[name](), MemoryBudget);

        Assert.True(reply.Status == HttpStatusCode.OK, $"Expected 200, got {(int)reply.Status}: {reply.Body}");
        Assert.Null(reply.ErrorCode());
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
        await HostileProbe.AssertStillAnswersAsync(Client);
    }

    [Theory]
    [MemberData(nameof(OutageRequests.InputErrorNames), MemberType = typeof(OutageRequests))]
    public async Task A_bad_input_is_still_named_for_the_input(string name)
    {
        var (create, code) = OutageRequests.InputErrors[name];

        await HostileProbe.AssertRefusedAsync(Client, create(), HttpStatusCode.OK, code, MemoryBudget);
    }

    [Fact]
    public async Task Readiness_says_unhealthy_within_its_budget()
    {
        var reply = await HostileProbe.SendAsync(Client, new HttpRequestMessage(HttpMethod.Get, "/health"), HealthBudget);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("Unhealthy", reply.Body);
        output.WriteLine($"Unhealthy after {reply.Elapsed.TotalSeconds:F2} s");
        await HostileProbe.AssertStillAnswersAsync(Client);
    }

    [Fact]
    public async Task Liveness_stays_healthy_so_the_replica_is_not_restarted()
    {
        var reply = await HostileProbe.SendAsync(Client, new HttpRequestMessage(HttpMethod.Get, "/alive"), HealthBudget);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Healthy", reply.Body);
        await HostileProbe.AssertStillAnswersAsync(Client);
    }

    [Fact]
    public async Task A_burst_of_reads_is_refused_in_time_without_exhausting_the_service()
    {
        // More than the pool holds (16), so some requests wait for a connection that never frees.
        var replies = await Task.WhenAll(Enumerable.Range(1950, 40)
            .Select(year => HostileProbe.SendAsync(Client, OutageRequests.UnreadPopularity(year), outage.RefusalBudget ?? RequestBudget)));

        Assert.All(replies, AssertNamedOutage);
        output.WriteLine($"40 concurrent reads refused in {replies.Min(reply => reply.Elapsed).TotalSeconds:F1} to {replies.Max(reply => reply.Elapsed).TotalSeconds:F1} s");
        await HostileProbe.AssertStillAnswersAsync(Client);
    }

    [Fact]
    public async Task The_outage_is_one_log_line_and_no_stack_trace()
    {
        // Enough failures that a line per request would show.
        foreach (var year in new[] { 1940, 1941, 1942 })
        {
            AssertNamedOutage(await HostileProbe.SendAsync(Client, OutageRequests.UnreadPopularity(year), outage.RefusalBudget ?? RequestBudget));
        }

        var lines = outage.Service.LogsSince(outage.LogMark);
        Assert.Single(lines, line => line.Contains("database unavailable: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Resolving", StringComparison.Ordinal));
    }

    private void AssertNamedOutage(HostileReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)reply.Status}: {reply.Body}");
        Assert.Equal(outage.ExpectedCode, reply.ErrorCode());
        Assert.Contains("Retry-After", reply.HeaderNames);
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
    }
}
