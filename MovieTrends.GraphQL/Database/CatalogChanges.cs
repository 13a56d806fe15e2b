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

    public long Version => Interlocked.Read(ref _version);

    public void NotifyChanged() => Interlocked.Increment(ref _version);
}
