namespace MovieTrends.Catalog;

/// <summary>
/// The PostgreSQL notification channel every import notifies at commit; the API listens on it to drop its caches.
/// </summary>
public static class CatalogChannel
{
    public const string Name = "catalog_changed";
}
