namespace MovieTrends.Catalog;

/// <summary>
/// The import's writes, in the order it runs them inside its transaction: merge <c>stage_movies</c> into the
/// dataset <c>@dataset</c> keyed on the TMDB id, rebuild the aggregates and the popularity ranking the API reads, record the
/// import and notify <see cref="CatalogChannel"/>.
/// </summary>
public static class CatalogMergeSql
{
    public const string PrepareSql = """
        -- Imports merge one at a time, so two of them never race on the same ids.
        SELECT pg_advisory_xact_lock(7270002);

        -- Temp tables have no statistics until analyzed; without them the planner guesses nested loops.
        ANALYZE stage_movies (id);

        -- The reader already knows the distinct names: no need to unnest every staged row for them.
        INSERT INTO genres (name)
        SELECT name FROM unnest(@genres::text[]) WITH ORDINALITY AS g(name, position)
        ORDER BY position
        ON CONFLICT (name) DO NOTHING;

        -- Ids are unique in stage_movies and each genre list is free of repeats, so no DISTINCT is needed.
        CREATE TEMP TABLE stage_movie_genres ON COMMIT DROP AS
        SELECT s.id AS movie_id, g.id AS genre_id
        FROM stage_movies s
        CROSS JOIN LATERAL unnest(s.genres) AS n(name)
        JOIN genres g ON g.name = n.name;

        ANALYZE stage_movie_genres (movie_id);

        -- Genre sets of movies already in the catalog are compared as sorted id arrays:
        -- null on both sides means no genres on both sides.
        CREATE TEMP TABLE stage_changes ON COMMIT DROP AS
        WITH staged_genres AS (
            SELECT sg.movie_id, array_agg(sg.genre_id ORDER BY sg.genre_id) AS genre_ids
            FROM stage_movie_genres sg
            JOIN movies m ON m.dataset_id = @dataset AND m.id = sg.movie_id
            GROUP BY sg.movie_id
        ), current_genres AS (
            SELECT mg.movie_id, array_agg(mg.genre_id ORDER BY mg.genre_id) AS genre_ids
            FROM movie_genres mg
            JOIN stage_movies s ON s.id = mg.movie_id
            WHERE mg.dataset_id = @dataset
            GROUP BY mg.movie_id
        )
        SELECT s.id, m.id IS NULL AS is_new
        FROM stage_movies s
        LEFT JOIN movies m ON m.dataset_id = @dataset AND m.id = s.id
        LEFT JOIN staged_genres sg ON sg.movie_id = s.id
        LEFT JOIN current_genres cg ON cg.movie_id = s.id
        WHERE m.id IS NULL
           OR (m.title, m.release_date, m.release_year, m.popularity, m.vote_average, m.vote_count, m.overview, m.source, cg.genre_ids,
               m.runtime, m.budget, m.revenue, m.original_language, m.status)
              IS DISTINCT FROM
              (s.title, s.release_date, s.release_year, s.popularity, s.vote_average, s.vote_count, s.overview, @layout, sg.genre_ids,
               s.runtime, s.budget, s.revenue, s.original_language, s.status);

        ANALYZE stage_changes (id);
        """;

    public const string InsertImportSql = """
        INSERT INTO imports (file_name, sha256, layout, dataset_id, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_skipped, duration_ms)
        VALUES (@file_name, @sha256, @layout, @dataset, 0, 0, 0, 0, 0, 0)
        RETURNING id
        """;

    public const string CountNewMoviesSql = """
        SELECT (SELECT count(*) FROM stage_changes WHERE is_new),
               (SELECT count(*) FROM movies WHERE dataset_id = @dataset)
        """;

    public const string UpdateMoviesSql = """
        UPDATE movies m
        SET title = s.title, release_date = s.release_date, release_year = s.release_year,
            popularity = s.popularity, vote_average = s.vote_average, vote_count = s.vote_count,
            overview = s.overview, source = @layout, import_id = @import_id,
            runtime = s.runtime, budget = s.budget, revenue = s.revenue,
            original_language = s.original_language, status = s.status
        FROM stage_movies s
        JOIN stage_changes c ON c.id = s.id AND NOT c.is_new
        WHERE m.dataset_id = @dataset AND m.id = s.id
        """;

    public const string InsertMoviesSql = """
        INSERT INTO movies (dataset_id, id, title, release_date, release_year, popularity, vote_average, vote_count, overview, source, import_id,
                            runtime, budget, revenue, original_language, status)
        SELECT @dataset, s.id, s.title, s.release_date, s.release_year, s.popularity, s.vote_average, s.vote_count, s.overview, @layout, @import_id,
               s.runtime, s.budget, s.revenue, s.original_language, s.status
        FROM stage_movies s
        JOIN stage_changes c ON c.id = s.id AND c.is_new
        ORDER BY s.id -- appends to the primary key in order instead of scattering across it
        """;

    public const string ReplaceGenresSql = """
        DELETE FROM movie_genres mg
        USING stage_changes c
        WHERE mg.dataset_id = @dataset AND mg.movie_id = c.id AND NOT c.is_new;

        INSERT INTO movie_genres (dataset_id, movie_id, genre_id)
        SELECT @dataset, sg.movie_id, sg.genre_id
        FROM stage_movie_genres sg
        JOIN stage_changes c ON c.id = sg.movie_id
        ORDER BY sg.movie_id, sg.genre_id;
        """;

    // A movie counts once per genre per year (movie_genres' key makes each pair unique); undated movies not at all.
    // Only the imported dataset is rebuilt; DELETE rather than TRUNCATE inside the functions, so readers keep
    // seeing the old counts until the import commits. Both definitions live in migration 0005.
    public const string RebuildAggregatesSql = """
        SELECT rebuild_dataset_counts(@dataset);
        SELECT rebuild_year_popularity(@dataset, @ranks);
        """;

    // The coverage as one comparable value: an import that changed no movie still rebuilds it, and it counts as a
    // change only if the rebuilt row differs (a catalog whose coverage was never computed, say).
    public const string CoverageSql = """
        SELECT (SELECT c::text FROM dataset_coverage c WHERE c.dataset_id = @dataset)
        """;

    public const string RebuildCoverageSql = """
        SELECT rebuild_dataset_counts(@dataset);
        """;

    // Every import is news to the replicas, one that changed no movie too: `catalog.lastImportAt` reads the import log.
    public const string CompleteImportSql = $"""
        UPDATE imports
        SET rows_read = @rows_read, rows_inserted = @rows_inserted, rows_updated = @rows_updated,
            rows_unchanged = @rows_unchanged, rows_skipped = @rows_skipped, duration_ms = @duration_ms
        WHERE id = @import_id;

        SELECT pg_notify('{CatalogChannel.Name}', @import_id::text);
        """;
}
