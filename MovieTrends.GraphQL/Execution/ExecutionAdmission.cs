using Microsoft.Extensions.Options;
using Npgsql;

namespace MovieTrends.GraphQL.Execution;

/// <summary>
/// Admits only so many queries into execution at once; the others wait their turn in arrival order, holding their
/// body's bytes and the parsed request. An executing query holds GraphQL.NET's execution context, resolver state
/// and buffers, mostly while it waits for one of the database pool's few connections: without this bound every
/// open connection under load holds all of that at once, which is the resident memory's peak.
/// </summary>
public sealed class ExecutionAdmission : IDisposable
{
    // Enough beyond the database pool that the cores never idle while every pooled connection is busy.
    private const int PlacesPerCore = 2;

    private readonly SemaphoreSlim _places;
    private int _waiting;

    public ExecutionAdmission(IOptions<GraphQLLimits> limits, NpgsqlDataSource dataSource)
    {
        var settings = limits.Value;
        Limit = settings.MaxConcurrentExecutions
            ?? (PlacesPerCore * Environment.ProcessorCount) + new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize;
        MaxWait = settings.AdmissionTimeout;
        List<string> failures = [];
        if (Limit < 1)
        {
            failures.Add($"{GraphQLLimits.SectionName}:{nameof(GraphQLLimits.MaxConcurrentExecutions)} must be at least 1 (it is {Limit}).");
        }

        if (MaxWait <= TimeSpan.Zero)
        {
            failures.Add($"{GraphQLLimits.SectionName}:{nameof(GraphQLLimits.AdmissionTimeout)} must be a positive time span such as 00:00:05 (it is {MaxWait}).");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(GraphQLLimits.SectionName, typeof(GraphQLLimits), failures);
        }

        _places = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Most requests executing at once.</summary>
    public int Limit { get; }

    /// <summary>Longest a request waits for its turn before it is refused as busy.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>Requests waiting for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Requests executing now.</summary>
    public int Executing => Limit - _places.CurrentCount;

    /// <summary>
    /// Waits for a place, at most <see cref="MaxWait"/>: true once admitted (then <see cref="Leave"/> exactly once),
    /// false when none came free in time. Waiters are admitted first come, first served: a freed place goes to the
    /// longest waiting one. A cancelled wait (the client went away) gives up its turn and throws.
    /// </summary>
    public ValueTask<bool> TryEnterAsync(CancellationToken cancellationToken) =>
        _places.Wait(0) ? ValueTask.FromResult(true) : new ValueTask<bool>(WaitAsync(cancellationToken));

    public void Leave() => _places.Release();

    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return await _places.WaitAsync(MaxWait, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _places.Dispose();
}
