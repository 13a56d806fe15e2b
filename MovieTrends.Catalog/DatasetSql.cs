namespace MovieTrends.Catalog;

/// <summary>The datasets (migration 0005): the bundled files side by side, each its own catalog.</summary>
public static class DatasetSql
{
    /// <summary>The datasets no movie has been loaded into yet, with their bundled file: what a first run loads.</summary>
    public const string Unloaded = """
        SELECT d.id, d.source_file, d.is_default
        FROM datasets d
        WHERE NOT EXISTS (SELECT 1 FROM movies m WHERE m.dataset_id = d.id)
        ORDER BY d.position
        """;

    /// <summary>Every dataset in listing order, with what it holds (zeros before its first import).</summary>
    public const string Datasets = """
        SELECT d.id, d.name, d.is_default,
               coalesce(c.movie_count, 0), coalesce(c.undated_count, 0),
               coalesce((SELECT min(y.year) FROM year_counts y WHERE y.dataset_id = d.id), 0)::int,
               coalesce((SELECT max(y.year) FROM year_counts y WHERE y.dataset_id = d.id), 0)::int,
               coalesce(c.with_votes, 0), coalesce(c.with_rating, 0), coalesce(c.with_runtime, 0),
               coalesce(c.with_budget, 0), coalesce(c.with_revenue, 0), coalesce(c.with_roi, 0),
               coalesce(c.with_language, 0), coalesce(c.with_status, 0)
        FROM datasets d
        LEFT JOIN dataset_coverage c ON c.dataset_id = d.id
        ORDER BY d.position
        """;
}
