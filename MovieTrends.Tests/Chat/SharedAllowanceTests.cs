using System.Diagnostics;
using System.Net;
using MovieTrends.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The chat allowance lives in the database, so instances of the service sharing a scope share each client's
/// allowance: a message spent on one is gone on the other. The AppHost's replicas are checked in
/// <c>Deploy/ReplicaAgreementTests</c>; here two in-process instances stand for them.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class SharedAllowanceTests(InProcessApp app, ITestOutputHelper output)
{
    // xUnit makes an instance per fact: each fact's instances share a scope no other fact or run uses.
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task An_allowance_spent_on_one_instance_is_refused_on_the_other()
    {
        var settings = Settings(burst: 2, perMinute: 1);
        await using var first = await ChatTestHost.StartAsync(app.MovieDbConnectionString, settings);
        await using var second = await ChatTestHost.StartAsync(app.MovieDbConnectionString, settings);

        Assert.Equal("OFFLINE", (await first.ChatAsync("hello")).Mode);
        Assert.Equal("OFFLINE", (await second.ChatAsync("hello")).Mode);
        var refusedOnFirst = await first.ChatAsync("hello");
        var refusedOnSecond = await second.ChatAsync("hello");

        foreach (var refused in new[] { refusedOnFirst, refusedOnSecond })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Equal("RATE_LIMITED", refused.ErrorCode);
            Assert.NotNull(refused.RetryAfter);
            // An empty bucket refilling one message a minute: the next one is most of a minute away.
            Assert.InRange(refused.RetryAfter.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task Instances_with_different_scopes_keep_separate_allowances()
    {
        await using var first = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Settings(burst: 1, perMinute: 1, scope: null));
        await using var second = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Settings(burst: 1, perMinute: 1, scope: null));

        Assert.Equal("OFFLINE", (await first.ChatAsync("hello")).Mode);
        Assert.Equal("OFFLINE", (await second.ChatAsync("hello")).Mode);
        Assert.Equal("RATE_LIMITED", (await first.ChatAsync("hello")).ErrorCode);
    }

    [Fact]
    public async Task Concurrent_messages_across_instances_spend_exactly_the_burst()
    {
        const int Burst = 20;
        var settings = Settings(burst: Burst, perMinute: 1);
        await using var first = await ChatTestHost.StartAsync(app.MovieDbConnectionString, settings);
        await using var second = await ChatTestHost.StartAsync(app.MovieDbConnectionString, settings);

        // 40 messages at once, half on each instance: the row lock lets exactly the burst through.
        var replies = await Task.WhenAll(Enumerable.Range(0, 2 * Burst)
            .Select(i => (i % 2 == 0 ? first : second).ChatAsync($"how many movies in {2000 + i % 10}")));

        var statuses = replies.GroupBy(reply => reply.Status).ToDictionary(group => group.Key, group => group.Count());
        // At one message a minute, the test's few seconds may refill at most one more.
        Assert.InRange(statuses.GetValueOrDefault(HttpStatusCode.OK), Burst, Burst + 1);
        Assert.Equal(2 * Burst, statuses.GetValueOrDefault(HttpStatusCode.OK) + statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Spending_the_shared_allowance_adds_one_short_statement_to_a_chat_turn()
    {
        var settings = new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "100000" };
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, settings);
        await host.ChatAsync("hello");
        host.Activities.Clear();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal("OFFLINE", (await host.ChatAsync("hello")).Mode);
        }

        // The database spans of the allowance statement, as the driver records them.
        var spends = host.Activities
            .Where(activity => activity.Kind == ActivityKind.Client && Statement(activity).Contains("chat_allowances", StringComparison.Ordinal))
            .Select(activity => activity.Duration.TotalMilliseconds)
            .Order()
            .ToList();
        Assert.Equal(30, spends.Count);
        var median = spends[spends.Count / 2];
        var p95 = spends[(int)(spends.Count * 0.95)];
        output.WriteLine($"chat_allowances statement: median {median:F2} ms, p95 {p95:F2} ms over {spends.Count} turns");
        Assert.True(median < 20, $"The allowance statement took {median:F2} ms at the median; it is one indexed upsert.");
    }

    private static string Statement(Activity activity) =>
        activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;

    /// <param name="scope">The same fixed scope for every instance of this test; null for one of its own each.</param>
    private Dictionary<string, string?> Settings(int burst, int perMinute, string? scope = "shared") => new()
    {
        ["RateLimit:BurstLimit"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit:MessagesPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A fresh key per test run of each fact, so a re-run over the same database starts with a full bucket.
        ["RateLimit:Scope"] = scope is null ? $"own-{Guid.NewGuid():N}" : $"{scope}-{_run}",
    };
}
