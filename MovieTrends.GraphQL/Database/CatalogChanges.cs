namespace MovieTrends.GraphQL.Database;

/// <summary>
/// The one place the catalog's caches learn that its data may have changed: the change listener (the only
/// subscriber to the database's notifications) moves <see cref="Version"/>, and every cache holds the version
/// its entries were read at (<see cref="CatalogCacheGeneration"/>), so none subscribes on its own and an answer
/// read while an import committed is never kept.
/// </summary>
public sealed class CatalogChanges
{
    private long _version;
    private TaskCompletionSource _nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version => Interlocked.Read(ref _version);

    public void NotifyChanged()
    {
        // The version moves before the signal is swapped, so a waiter that took the new signal sees the new version.
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _nextChange, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes once <see cref="Version"/> is past <paramref name="version"/> (at once if it already is), for background work that follows the catalog.</summary>
    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
    {
        var nextChange = Volatile.Read(ref _nextChange);
        return Version != version ? Task.CompletedTask : nextChange.Task.WaitAsync(cancellationToken);
    }
}
