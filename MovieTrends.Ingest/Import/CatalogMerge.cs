using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Set-based merge of <c>stage_movies</c> into the catalog, keyed on the TMDB id: new movies are inserted,
/// changed ones (any column, the source layout or the genre set) updated, identical ones left alone.
/// Runs inside the import's transaction.
/// </summary>
internal static class CatalogMerge
{

    private const string PrepareSql = """
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
            JOIN movies m ON m.id = sg.movie_id
            GROUP BY sg.movie_id
        ), current_genres AS (
            SELECT mg.movie_id, array_agg(mg.genre_id ORDER BY mg.genre_id) AS genre_ids
            FROM movie_genres mg
            JOIN stage_movies s ON s.id = mg.movie_id
            GROUP BY mg.movie_id
        )
        SELECT s.id, m.id IS NULL AS is_new
        FROM stage_movies s
        LEFT JOIN movies m ON m.id = s.id
        LEFT JOIN staged_genres sg ON sg.movie_id = s.id
        LEFT JOIN current_genres cg ON cg.movie_id = s.id
        WHERE m.id IS NULL
           OR (m.title, m.release_date, m.release_year, m.popularity, m.vote_average, m.vote_count, m.overview, m.source, cg.genre_ids)
              IS DISTINCT FROM
              (s.title, s.release_date, s.release_year, s.popularity, s.vote_average, s.vote_count, s.overview, @layout, sg.genre_ids);

        ANALYZE stage_changes (id);
        """;

    private const string InsertImportSql = """
        INSERT INTO imports (file_name, sha256, layout, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_skipped, duration_ms)
        VALUES (@file_name, @sha256, @layout, 0, 0, 0, 0, 0, 0)
        RETURNING id
        """;

    private const string CountNewMoviesSql = """
        SELECT (SELECT count(*) FROM stage_changes WHERE is_new),
               (SELECT count(*) FROM movies)
        """;

    private const string UpdateMoviesSql = """
        UPDATE movies m
        SET title = s.title, release_date = s.release_date, release_year = s.release_year,
            popularity = s.popularity, vote_average = s.vote_average, vote_count = s.vote_count,
            overview = s.overview, source = @layout, import_id = @import_id
        FROM stage_movies s
        JOIN stage_changes c ON c.id = s.id AND NOT c.is_new
        WHERE m.id = s.id
        """;

    private const string InsertMoviesSql = """
        INSERT INTO movies (id, title, release_date, release_year, popularity, vote_average, vote_count, overview, source, import_id)
        SELECT s.id, s.title, s.release_date, s.release_year, s.popularity, s.vote_average, s.vote_count, s.overview, @layout, @import_id
        FROM stage_movies s
        JOIN stage_changes c ON c.id = s.id AND c.is_new
        ORDER BY s.id -- appends to the primary key in order instead of scattering across it
        """;

    private const string ReplaceGenresSql = """
        DELETE FROM movie_genres mg
        USING stage_changes c
        WHERE mg.movie_id = c.id AND NOT c.is_new;

        INSERT INTO movie_genres (movie_id, genre_id)
        SELECT sg.movie_id, sg.genre_id
        FROM stage_movie_genres sg
        JOIN stage_changes c ON c.id = sg.movie_id
        ORDER BY sg.movie_id, sg.genre_id;
        """;

    // A movie counts once per genre per year (movie_genres' key makes each pair unique); undated movies not at all.
    // DELETE rather than TRUNCATE: readers keep seeing the old counts until the import commits. The ranking's
    // definition lives in migration 0003, which also ranked the catalogs imported before it.
    private const string RebuildAggregatesSql = """
        DELETE FROM genre_year_counts;
        INSERT INTO genre_year_counts (genre_id, year, movie_count)
        SELECT mg.genre_id, m.release_year, count(*)
        FROM movies m
        JOIN movie_genres mg ON mg.movie_id = m.id
        WHERE m.release_year IS NOT NULL
        GROUP BY mg.genre_id, m.release_year;

        DELETE FROM year_counts;
        INSERT INTO year_counts (year, movie_count)
        SELECT release_year, count(*)
        FROM movies
        WHERE release_year IS NOT NULL
        GROUP BY release_year;

        SELECT rebuild_year_popularity(@ranks);
        """;

    private const string CompleteImportSql = $"""
        UPDATE imports
        SET rows_read = @rows_read, rows_inserted = @rows_inserted, rows_updated = @rows_updated,
            rows_unchanged = @rows_unchanged, rows_skipped = @rows_skipped, duration_ms = @duration_ms
        WHERE id = @import_id;

        SELECT pg_notify('{CatalogChannel.Name}', @import_id::text);
        """;

    public sealed record Changes(int Inserted, int Updated);

    /// <summary>Records the import, works out what differs from the catalog and applies it.</summary>
    public static async Task<(long ImportId, Changes Changes)> ApplyAsync(NpgsqlConnection connection,
        string fileName, string sha256, string layout, string[] genres, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, PrepareSql, cancellationToken, ("layout", layout), ("genres", genres));
        var importId = await ScalarAsync<long>(connection, InsertImportSql, cancellationToken,
            ("file_name", fileName), ("sha256", sha256), ("layout", layout));
        var (newMovies, catalogMovies) = await CountNewMoviesAsync(connection, cancellationToken);
        var rebuildIndexes = BulkLoadIndexes.Worthwhile(newMovies, catalogMovies)
            ? await BulkLoadIndexes.DropAsync(connection, cancellationToken)
            : [];

        var updated = await ExecuteAsync(connection, UpdateMoviesSql, cancellationToken, ("layout", layout), ("import_id", importId));
        var inserted = await ExecuteAsync(connection, InsertMoviesSql, cancellationToken, ("layout", layout), ("import_id", importId));
        if (inserted + updated > 0)
        {
            await ExecuteAsync(connection, ReplaceGenresSql, cancellationToken);
            await BulkLoadIndexes.RestoreAsync(connection, rebuildIndexes, cancellationToken);
            await ExecuteAsync(connection, RebuildAggregatesSql, cancellationToken, ("ranks", PopularityRanking.Depth));
        }

        return (importId, new Changes(inserted, updated));
    }

    /// <summary>Fills in the import's counts and tells API replicas the catalog changed (delivered on commit).</summary>
    public static Task CompleteAsync(NpgsqlConnection connection, ImportSummary summary, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, CompleteImportSql, cancellationToken,
            ("import_id", summary.ImportId), ("rows_read", summary.RowsRead), ("rows_inserted", summary.Inserted),
            ("rows_updated", summary.Updated), ("rows_unchanged", summary.Unchanged), ("rows_skipped", summary.RowsSkipped),
            ("duration_ms", (int)summary.Duration.TotalMilliseconds));

    private static async Task<(long New, long Catalog)> CountNewMoviesAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, CountNewMoviesSql, []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
