namespace MovieTrends.Catalog;

/// <summary>The datasets (migration 0005): the bundled files side by side, each its own catalog.</summary>
public static class DatasetSql
{
    /// <summary>Every dataset with its bundled file, and whether any movie has been loaded into it, in listing order.</summary>
    public const string Bundled = """
        SELECT d.id, d.source_file, d.is_default, EXISTS (SELECT 1 FROM movies m WHERE m.dataset_id = d.id)
        FROM datasets d
        ORDER BY d.position
        """;

    /// <summary>
    /// Which of the detail columns named in $2 no stored movie of dataset $1 has a value in: a dataset loaded before
    /// the catalog kept them (migration 0005) has them all empty. Each check stops at the first movie with a value.
    /// </summary>
    public const string EmptyDetailColumns = """
        SELECT c FROM unnest($2::text[]) AS c
        WHERE NOT CASE c
            WHEN 'runtime' THEN EXISTS (SELECT 1 FROM movies WHERE dataset_id = $1 AND runtime IS NOT NULL)
            WHEN 'budget' THEN EXISTS (SELECT 1 FROM movies WHERE dataset_id = $1 AND budget IS NOT NULL)
            WHEN 'revenue' THEN EXISTS (SELECT 1 FROM movies WHERE dataset_id = $1 AND revenue IS NOT NULL)
            WHEN 'original_language' THEN EXISTS (SELECT 1 FROM movies WHERE dataset_id = $1 AND original_language IS NOT NULL)
            WHEN 'status' THEN EXISTS (SELECT 1 FROM movies WHERE dataset_id = $1 AND status IS NOT NULL)
            ELSE true
        END
        ORDER BY c
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
