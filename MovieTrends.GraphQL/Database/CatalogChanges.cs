namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Tells the caches that the catalog's data may have changed. <see cref="Version"/> moves first, so a
/// database read that started before a change can tell its answer is stale and must not be cached.
/// </summary>
public sealed class CatalogChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public event Action? Changed;

    public void NotifyChanged()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }
}
