using System.Diagnostics;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// A token bucket per client, so one client cannot spend the operator's provider budget. Kept in PostgreSQL
/// (table <c>chat_allowances</c>) so every replica spends the same allowance: one statement refills the bucket
/// for the time since it was last touched and takes a message if one is there.
/// Fails closed: when the database cannot answer, the turn fails with the database's own error (a turn needs the
/// database for its conversation anyway, and an unmetered turn would spend the provider budget the limit protects).
/// </summary>
public sealed class ChatRateLimiter(NpgsqlDataSource dataSource, DatabaseAvailability availability, IOptions<ChatSettings> options)
{
    // Refill and spend in one statement; the row lock serializes replicas spending the same key. A waiter's now()
    // may be earlier than the holder's refilled_at, so elapsed time never goes negative and refilled_at never back.
    private const string SpendSql = """
        INSERT INTO chat_allowances AS a (client, tokens, refilled_at, granted)
        VALUES ($1, $2 - 1, now(), true)
        ON CONFLICT (client) DO UPDATE SET (tokens, refilled_at, granted) = (
            SELECT CASE WHEN refill.level >= 1 THEN refill.level - 1 ELSE refill.level END,
                   GREATEST(a.refilled_at, now()),
                   refill.level >= 1
            FROM (SELECT LEAST($2, a.tokens + GREATEST(0, extract(epoch FROM now() - a.refilled_at)::double precision) * $3) AS level) AS refill)
        RETURNING granted, tokens
        """;

    // A bucket untouched long enough to be full again is the same as no row.
    private const string PurgeSql = "DELETE FROM chat_allowances WHERE refilled_at < now() - $1";

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly ChatRateLimitSettings _settings = options.Value.RateLimit;
    private long _lastPurge = Stopwatch.GetTimestamp();

    private double TokensPerSecond => _settings.MessagesPerMinute / 60.0;

    /// <exception cref="ChatException">RATE_LIMITED, with when to retry.</exception>
    public async Task AcquireAsync(string client, CancellationToken cancellationToken)
    {
        await PurgeWhenDueAsync(cancellationToken);
        var (granted, tokens) = await availability.ObserveAsync(() => SpendAsync(client, cancellationToken), cancellationToken);
        if (granted)
        {
            return;
        }

        // The next whole message arrives when the bucket has refilled to one.
        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((1 - tokens) / TokensPerSecond)));
        throw new ChatException(
            ChatErrorCodes.RateLimited,
            $"Too many chat messages from this client; try again in {retryAfter.TotalSeconds} seconds.",
            retryAfter);
    }

    private async Task<(bool Granted, double Tokens)> SpendAsync(string client, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SpendSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{_settings.Scope}/{client}" });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = _settings.BurstLimit });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = TokensPerSecond });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetDouble(1));
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _lastPurge);
        if (Stopwatch.GetElapsedTime(last) < PurgeInterval
            || Interlocked.CompareExchange(ref _lastPurge, Stopwatch.GetTimestamp(), last) != last)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(PurgeSql);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = TimeSpan.FromSeconds(_settings.BurstLimit / TokensPerSecond) });
        await availability.ObserveAsync(() => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
    }
}
