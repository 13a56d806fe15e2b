using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieTrends.GraphQL.Chat;

/// <summary>
/// A token bucket per client, so one client cannot spend the operator's provider budget. Kept in memory:
/// each replica enforces the limit on the requests it serves.
/// </summary>
public sealed class ChatRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ChatRateLimiter(IOptions<ChatSettings> options)
    {
        var settings = options.Value.RateLimit;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.BurstLimit,
            // One token at a time, so the bucket refills steadily instead of all at once each minute.
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.MessagesPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
    }

    /// <exception cref="ChatException">RATE_LIMITED, with when to retry.</exception>
    public void Acquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        throw new ChatException(
            ChatErrorCodes.RateLimited,
            $"Too many chat messages from this client; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
            retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
