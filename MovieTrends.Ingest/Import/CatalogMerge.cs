using MovieTrends.Catalog;
using Npgsql;
using static MovieTrends.Catalog.CatalogMergeSql;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// Set-based merge of <c>stage_movies</c> into one dataset of the catalog, keyed on the TMDB id: new movies are inserted,
/// changed ones (any column, the source layout or the genre set) updated, identical ones left alone.
/// Runs inside the import's transaction.
/// </summary>
internal static class CatalogMerge
{
    /// <param name="CatalogChanged">Whether a movie or the dataset's coverage changed (then the aggregates are rebuilt).</param>
    public sealed record Changes(int Inserted, int Updated, bool CatalogChanged);

    /// <summary>Records the import, works out what differs from the catalog and applies it.</summary>
    public static async Task<(long ImportId, Changes Changes)> ApplyAsync(NpgsqlConnection connection,
        string fileName, string sha256, string layout, string dataset, string[] genres, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, PrepareSql, cancellationToken, ("layout", layout), ("dataset", dataset), ("genres", genres));
        var importId = await ScalarAsync<long>(connection, InsertImportSql, cancellationToken,
            ("file_name", fileName), ("sha256", sha256), ("layout", layout), ("dataset", dataset));
        var (newMovies, catalogMovies) = await CountNewMoviesAsync(connection, dataset, cancellationToken);
        var rebuildIndexes = BulkLoadIndexes.Worthwhile(newMovies, catalogMovies)
            ? await BulkLoadIndexes.DropAsync(connection, cancellationToken)
            : [];

        var updated = await ExecuteAsync(connection, UpdateMoviesSql, cancellationToken,
            ("layout", layout), ("dataset", dataset), ("import_id", importId));
        var inserted = await ExecuteAsync(connection, InsertMoviesSql, cancellationToken,
            ("layout", layout), ("dataset", dataset), ("import_id", importId));
        var catalogChanged = inserted + updated > 0;
        if (catalogChanged)
        {
            await ExecuteAsync(connection, ReplaceGenresSql, cancellationToken, ("dataset", dataset));
            await BulkLoadIndexes.RestoreAsync(connection, rebuildIndexes, cancellationToken);
        }
        else
        {
            catalogChanged = await CoverageChangedAsync(connection, dataset, cancellationToken);
        }

        if (catalogChanged)
        {
            await ExecuteAsync(connection, RebuildAggregatesSql, cancellationToken, ("dataset", dataset), ("ranks", PopularityRanking.Depth));
        }

        return (importId, new Changes(inserted, updated, catalogChanged));
    }

    /// <summary>Rebuilds the dataset's counts and coverage from its unchanged movies; true if the coverage differs.</summary>
    private static async Task<bool> CoverageChangedAsync(NpgsqlConnection connection, string dataset, CancellationToken cancellationToken)
    {
        var before = await ScalarAsync<object>(connection, CoverageSql, cancellationToken, ("dataset", dataset));
        await ExecuteAsync(connection, RebuildCoverageSql, cancellationToken, ("dataset", dataset));
        var after = await ScalarAsync<object>(connection, CoverageSql, cancellationToken, ("dataset", dataset));
        return !Equals(before, after);
    }

    /// <summary>Fills in the import's counts and tells API replicas about the import (delivered on commit).</summary>
    public static Task CompleteAsync(NpgsqlConnection connection, ImportSummary summary, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, CompleteImportSql, cancellationToken,
            ("import_id", summary.ImportId), ("rows_read", summary.RowsRead), ("rows_inserted", summary.Inserted),
            ("rows_updated", summary.Updated), ("rows_unchanged", summary.Unchanged), ("rows_skipped", summary.RowsSkipped),
            ("duration_ms", (int)summary.Duration.TotalMilliseconds));

    private static async Task<(long New, long Catalog)> CountNewMoviesAsync(NpgsqlConnection connection, string dataset,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, CountNewMoviesSql, [("dataset", dataset)]);
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
