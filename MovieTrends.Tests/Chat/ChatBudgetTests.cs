using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The time budgets nest: the model's ends inside the chat's, which ends inside the operation's (10 s), so a
/// slow provider gets the offline answer and a stuck turn a CHAT_TIMEOUT, never the operation's TIMEOUT.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChatBudgetTests(InProcessApp app) : IAsyncLifetime
{
    // GraphQL:Limits:ExecutionTimeout's default, which the chat's defaults must end inside.
    private static readonly TimeSpan OperationBudget = TimeSpan.FromSeconds(10);

    private FakeChatProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeChatProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_provider_slower_than_its_budget_gets_the_offline_answer_with_a_note_inside_the_operation_budget()
    {
        // The default budgets: only the provider and its key are set.
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?>
        {
            ["ApiKey"] = $"xai-test-{Guid.NewGuid():N}",
            ["Endpoint"] = _provider.Endpoint.ToString(),
            ["RateLimit:BurstLimit"] = "1000",
        });
        _provider.ThenStall(TimeSpan.FromSeconds(60));

        var stopwatch = Stopwatch.StartNew();
        var reply = await host.ChatAsync("What was the most popular movie in 2010?");
        stopwatch.Stop();

        Assert.Equal("OFFLINE", reply.Mode);
        Assert.StartsWith("The most popular movie of 2010 is Inception", reply.Message);
        Assert.Contains("the AI provider did not answer within 5 seconds", reply.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(5), OperationBudget);
    }

    [Fact]
    public async Task A_turn_stuck_past_the_chat_budget_is_CHAT_TIMEOUT_before_the_operation_budget_and_stores_nothing()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?>
        {
            ["TimeoutSeconds"] = "2",
            ["ProviderTimeoutSeconds"] = "1",
            ["RateLimit:BurstLimit"] = "1000",
        });
        await using var blocker = new NpgsqlConnection(app.MovieDbConnectionString);
        await blocker.OpenAsync();
        var storedBefore = await StoredMessagesAsync(blocker);
        ChatResponse refused;
        var stopwatch = Stopwatch.StartNew();
        await using (var holding = await blocker.BeginTransactionAsync())
        {
            // Storing the exchange waits on this lock until the chat's budget runs out.
            await using (var lockMessages = new NpgsqlCommand("LOCK TABLE chat_messages IN ACCESS EXCLUSIVE MODE", blocker, holding))
            {
                await lockMessages.ExecuteNonQueryAsync();
            }

            refused = await host.ChatAsync("how many movies in 2010");
            stopwatch.Stop();
            await holding.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("CHAT_TIMEOUT", refused.ErrorCode);
        Assert.Contains("2 seconds", refused.ErrorMessage);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), OperationBudget);
        Assert.Equal(storedBefore, await StoredMessagesAsync(blocker));
        Assert.Equal("OFFLINE", (await host.ChatAsync("how many movies in 2010")).Mode);
    }

    private static async Task<long> StoredMessagesAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM chat_messages", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("TimeoutSeconds", "10", null, null, "Chat:TimeoutSeconds (10) must be less than GraphQL:Limits:ExecutionTimeout (10 s)")]
    [InlineData("TimeoutSeconds", "30", null, null, "Chat:TimeoutSeconds (30) must be less than GraphQL:Limits:ExecutionTimeout (10 s)")]
    [InlineData("ProviderTimeoutSeconds", "8", null, null, "Chat:ProviderTimeoutSeconds (8) must be at most Chat:TimeoutSeconds (8) minus 1")]
    [InlineData("ProviderTimeoutSeconds", "3", "TimeoutSeconds", "3", "Chat:ProviderTimeoutSeconds (3) must be at most Chat:TimeoutSeconds (3) minus 1")]
    [InlineData("ProviderTimeoutSeconds", "0", null, null, "Chat:ProviderTimeoutSeconds must be a positive number (it is 0)")]
    public async Task Budgets_that_do_not_nest_stop_the_service_at_start(
        string setting, string value, string? otherSetting, string? otherValue, string expected)
    {
        var settings = new Dictionary<string, string?> { [setting] = value };
        if (otherSetting is not null)
        {
            settings[otherSetting] = otherValue;
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ChatTestHost.StartAsync(app.MovieDbConnectionString, settings));

        Assert.Contains(expected, error.Message);
    }
}
