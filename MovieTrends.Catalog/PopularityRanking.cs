namespace MovieTrends.Catalog;

/// <summary>The per-year popularity ranking every import rebuilds (table year_popularity, migration 0003).</summary>
public static class PopularityRanking
{
    /// <summary>How many movies each end of a year keeps: the largest popularity list the API serves.</summary>
    public const int Depth = CatalogLimits.MaxLimit;
}
