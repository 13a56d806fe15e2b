using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.GraphQL.Database;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Hostile;
using Xunit.Abstractions;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// A service whose connect timeout is long, so that Npgsql's cancellation of a statement a frozen server never
/// answers (sent on a connection of its own, then waiting for the server to close it) outlasts the operation's budget.
/// </summary>
public sealed class SlowCancellationCatalogService() : BreakableCatalogService(";Timeout=15");

/// <summary>
/// A frozen database fails a request within the service's own bounds, whatever the driver still waits for: a
/// read is DATABASE_TIMEOUT, and an operation that runs out of its execution budget first is TIMEOUT; both are
/// 503 with a Retry-After, the service's failure and not the client's.
/// </summary>
[Collection("database faults")]
public sealed class FrozenDatabaseBoundsTests(SlowCancellationCatalogService service, ITestOutputHelper output) : IClassFixture<SlowCancellationCatalogService>
{
    private static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(10);

    // Past a request's budget for database waits, for a machine busy with other tests.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    // Under the service's wait for one database call, and no later than a statement's Command Timeout (3 s), whose
    // cancellation then waits on the frozen server: the operation's own budget runs out first. The chat's budgets
    // must end inside it.
    private static readonly Dictionary<string, string> ShortBudget = new()
    {
        ["GraphQL:Limits:ExecutionTimeout"] = "00:00:03",
        ["Chat:TimeoutSeconds"] = "2",
        ["Chat:ProviderTimeoutSeconds"] = "1",
    };

    [Fact]
    public async Task A_read_of_a_frozen_database_is_DATABASE_TIMEOUT_though_its_cancellation_never_returns()
    {
        await AssertDatabaseTimeoutWhileFrozenAsync(1975, RequestBudget + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_request_that_meets_the_frozen_database_twice_is_DATABASE_TIMEOUT_within_its_one_budget()
    {
        // Answered first, so the service knows the database is up (after an earlier test's freeze it may still think
        // it down, and would answer from the last snapshot without waiting).
        using (var answered = await service.Client.SendAsync(OutageRequests.UnreadPopularity(1978)))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        // A catalog change heard: the request re-reads the catalog's snapshot (a shared read, which waits one call's
        // budget before answering from the last snapshot), then runs its own statement.
        service.Service.Services.GetRequiredService<CatalogChanges>().NotifyChanged();
        await AssertDatabaseTimeoutWhileFrozenAsync(1977, DatabaseWaitBudget.PerRequest + Margin);
    }

    /// <summary>With the database frozen, a read of <paramref name="year"/>'s popularity is 503 DATABASE_TIMEOUT within <paramref name="budget"/>.</summary>
    private async Task AssertDatabaseTimeoutWhileFrozenAsync(int year, TimeSpan budget)
    {
        await service.Database.FreezeAsync();
        try
        {
            var reply = await HostileProbe.SendAsync(service.Client, OutageRequests.UnreadPopularity(year), budget);
            output.WriteLine($"{(int)reply.Status} {reply.ErrorCode()} after {reply.Elapsed.TotalSeconds:F2} s");

            Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)reply.Status}: {reply.Body}");
            Assert.Equal("DATABASE_TIMEOUT", reply.ErrorCode());
        }
        finally
        {
            await service.Database.ThawAsync();
        }
    }

    [Fact]
    public async Task An_operation_out_of_its_execution_budget_is_503_TIMEOUT_with_a_retry_time()
    {
        await using var shortBudget = await InProcessGraphQLService.StartAsync(service.ConnectionString, builder =>
        {
            foreach (var (key, value) in ShortBudget)
            {
                builder.UseSetting(key, value);
            }
        });
        await service.Database.FreezeAsync();
        try
        {
            using var response = await shortBudget.Client.SendAsync(OutageRequests.UnreadPopularity(1976));
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)response.StatusCode} {body}");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"errors":[{"message":"The operation has timed out.","extensions":{"code":"TIMEOUT"}}]}""", body);
        }
        finally
        {
            await service.Database.ThawAsync();
        }
    }
}
