namespace MovieTrends.GraphQL.Database;

/// <summary>
/// The catalog version a cache's entries belong to. Lookups miss once the catalog moved on; the first entry of
/// the new version empties the cache, so stale entries cost memory only until the next answer is kept.
/// </summary>
public sealed class CatalogCacheGeneration(CatalogChanges changes)
{
    private readonly Lock _gate = new();
    private long _filledAt = -1;

    /// <summary>The version to hand back to <see cref="TryKeep"/>, taken before reading the answer.</summary>
    public long Version => changes.Version;

    /// <summary>Whether the cache's entries still describe the catalog.</summary>
    public bool IsCurrent => Interlocked.Read(ref _filledAt) == changes.Version;

    /// <summary>
    /// Keeps an answer read at <paramref name="readAt"/> through <paramref name="add"/> unless the catalog changed
    /// since; <paramref name="clear"/> empties the cache first when its entries belong to an older version.
    /// </summary>
    public bool TryKeep(long readAt, Action clear, Action add)
    {
        if (changes.Version != readAt)
        {
            return false;
        }

        if (Interlocked.Read(ref _filledAt) != readAt)
        {
            lock (_gate)
            {
                if (Interlocked.Read(ref _filledAt) != readAt)
                {
                    clear();
                    Interlocked.Exchange(ref _filledAt, readAt);
                }
            }
        }

        add();
        // A change that landed while adding may have found the entry already there: a lookup must not see it.
        if (changes.Version != readAt)
        {
            clear();
            return false;
        }

        return true;
    }
}
