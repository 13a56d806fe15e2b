using System.Net;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Chat;

/// <summary>Limits and bad input: each refused with a code that says what happened, nothing half-stored.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChatProtectionTests(InProcessApp app)
{
    private static readonly Dictionary<string, string?> Generous = new() { ["RateLimit:BurstLimit"] = "1000" };

    [Fact]
    public async Task A_client_past_its_burst_gets_429_RATE_LIMITED_with_when_to_retry()
    {
        await using var host = await ChatTestHost.StartAsync(
            app.MovieDbConnectionString,
            new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "2", ["RateLimit:MessagesPerMinute"] = "1" });

        Assert.Equal("OFFLINE", (await host.ChatAsync("hello")).Mode);
        Assert.Equal("OFFLINE", (await host.ChatAsync("hello")).Mode);
        var refused = await host.ChatAsync("hello");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Contains("try again in", refused.ErrorMessage);
        Assert.NotNull(refused.RetryAfter);
        Assert.InRange(refused.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_message_past_the_limit_is_refused_with_MESSAGE_TOO_LONG()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);

        var atLimit = await host.ChatAsync(new string('a', 2000));
        var pastLimit = await host.ChatAsync(new string('a', 2001));

        Assert.Equal("OFFLINE", atLimit.Mode);
        Assert.Equal(HttpStatusCode.OK, pastLimit.Status);
        Assert.Equal("MESSAGE_TOO_LONG", pastLimit.ErrorCode);
        Assert.Contains("2001 characters; the limit is 2000", pastLimit.ErrorMessage);
    }

    [Fact]
    public async Task An_empty_message_is_refused_with_EMPTY_MESSAGE()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);

        Assert.Equal("EMPTY_MESSAGE", (await host.ChatAsync("   ")).ErrorCode);
    }

    [Fact]
    public async Task A_view_with_an_unknown_genre_gets_the_catalog_error()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);

        var refused = await host.ChatAsync("summarize", new { trendsFrom = 2000, trendsTo = 2010, genres = new[] { "Cowboy Opera" } });

        Assert.Equal("UNKNOWN_GENRE", refused.ErrorCode);
        Assert.Contains("Cowboy Opera", refused.ErrorMessage);
    }

    [Fact]
    public async Task A_conversation_continues_across_service_instances()
    {
        await using var first = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);
        await using var second = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);

        var opened = await first.ChatAsync("hello");
        var continued = await second.ChatAsync("most popular movie in 2010", conversationId: opened.ConversationId);

        Assert.Equal(opened.ConversationId, continued.ConversationId);
        Assert.Equal(["user", "assistant", "user", "assistant"], await StoredRolesAsync(Guid.Parse(opened.ConversationId)));
    }

    [Fact]
    public async Task History_keeps_only_the_latest_messages()
    {
        await using var host = await ChatTestHost.StartAsync(
            app.MovieDbConnectionString,
            new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "1000", ["HistoryMessages"] = "4" });

        var conversationId = (await host.ChatAsync("hello")).ConversationId;
        for (var i = 0; i < 3; i++)
        {
            await host.ChatAsync($"how many movies in {2000 + i}", conversationId: conversationId);
        }

        Assert.Equal(["user", "assistant", "user", "assistant"], await StoredRolesAsync(Guid.Parse(conversationId)));
        Assert.Equal("how many movies in 2001", await FirstStoredMessageAsync(Guid.Parse(conversationId)));
    }

    [Fact]
    public async Task An_unknown_conversation_is_CONVERSATION_NOT_FOUND()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);

        var refused = await host.ChatAsync("hello", conversationId: "0196f3a2-0000-7000-8000-000000000000");

        Assert.Equal("CONVERSATION_NOT_FOUND", refused.ErrorCode);
        Assert.Contains("without a conversationId", refused.ErrorMessage);
    }

    [Fact]
    public async Task An_expired_conversation_is_CONVERSATION_NOT_FOUND_and_purged_when_a_new_one_starts()
    {
        await using var host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, Generous);
        var conversationId = (await host.ChatAsync("hello")).ConversationId;
        await ExecuteAsync("UPDATE chat_conversations SET expires_at = now() - interval '1 minute' WHERE id = $1", Guid.Parse(conversationId));

        var refused = await host.ChatAsync("hello again", conversationId: conversationId);
        await host.ChatAsync("hello");

        Assert.Equal("CONVERSATION_NOT_FOUND", refused.ErrorCode);
        Assert.Empty(await StoredRolesAsync(Guid.Parse(conversationId)));
    }

    private async Task<List<string>> StoredRolesAsync(Guid conversationId)
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT role FROM chat_messages WHERE conversation_id = $1 ORDER BY id", connection)
        {
            Parameters = { new() { Value = conversationId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var roles = new List<string>();
        while (await reader.ReadAsync())
        {
            roles.Add(reader.GetString(0));
        }

        return roles;
    }

    private async Task<string?> FirstStoredMessageAsync(Guid conversationId)
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT content FROM chat_messages WHERE conversation_id = $1 ORDER BY id LIMIT 1", connection)
        {
            Parameters = { new() { Value = conversationId } },
        };
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql, Guid conversationId)
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = conversationId } } };
        await command.ExecuteNonQueryAsync();
    }
}
