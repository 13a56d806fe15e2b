using System.Collections.Concurrent;
using MovieTrends.GraphQL.Telemetry;

namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Answers a reader fetched from the database, keyed by their arguments, until the catalog changes: one
/// instance per kind of answer, in the reader that reads it. Errors are never kept, and an answer read while
/// an import committed is not kept either (<see cref="CatalogCacheGeneration"/>).
/// </summary>
public sealed class CatalogAnswerCache<TKey, TValue>(CatalogChanges changes, GraphQLTelemetry telemetry, ResultCacheSettings settings)
    where TKey : notnull
{
    // Arguments are bounded (CatalogLimits), so this is never reached by honest use: starting over past it keeps
    // memory bounded without an eviction policy.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly CatalogCacheGeneration _generation = new(changes);

    /// <param name="state">What <paramref name="read"/> needs besides the key (the reader), so no closure is allocated.</param>
    public Task<TValue> GetOrReadAsync<TState>(
        TKey key, TState state, Func<TState, TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return read(state, key, cancellationToken);
        }

        if (_generation.IsCurrent && _entries.TryGetValue(key, out var cached))
        {
            telemetry.CacheLookup(GraphQLTelemetry.Caches.Result, hit: true);
            return Task.FromResult(cached);
        }

        telemetry.CacheLookup(GraphQLTelemetry.Caches.Result, hit: false);
        return ReadAndKeepAsync(key, state, read, cancellationToken);
    }

    private async Task<TValue> ReadAndKeepAsync<TState>(
        TKey key, TState state, Func<TState, TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        var version = _generation.Version;
        var value = await read(state, key, cancellationToken);
        _generation.TryKeep(version, _entries.Clear, () =>
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = value;
        });
        return value;
    }
}
