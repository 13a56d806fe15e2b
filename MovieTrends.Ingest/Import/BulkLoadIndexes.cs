using Npgsql;

namespace MovieTrends.Ingest.Import;

/// <summary>
/// For a load that at least doubles the catalog, the plain secondary indexes of movies and movie_genres are
/// dropped before the insert and built again after it: one sorted build is several times cheaper than a
/// million scattered index insertions. Dropping and creating run in the import's transaction, so a failed
/// import puts them back; meanwhile readers of those tables wait, which only a bulk load ever makes them do.
/// </summary>
internal static class BulkLoadIndexes
{
    // Below this, index maintenance costs less than rebuilding the indexes.
    public const int MinimumNewMovies = 100_000;

    // Unique and constraint indexes stay: they guard the data. Definitions are read back from the
    // catalog, so indexes that later migrations add are rebuilt just the same.
    private const string SecondaryIndexesSql = """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid IN ('movies'::regclass, 'movie_genres'::regclass)
          AND NOT i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """;

    public static bool Worthwhile(long newMovies, long catalogMovies) =>
        newMovies >= MinimumNewMovies && newMovies >= catalogMovies;

    /// <summary>Drops the secondary indexes and returns the statements that recreate them.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var query = new NpgsqlCommand(SecondaryIndexesSql, connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return [.. indexes.Select(index => index.Definition)];
    }

    /// <summary>
    /// Builds the dropped indexes again and refreshes the planner's statistics, which a bulk load leaves
    /// far off until autovacuum catches up. Does nothing when nothing was dropped.
    /// </summary>
    public static async Task RestoreAsync(NpgsqlConnection connection, IReadOnlyList<string> definitions,
        CancellationToken cancellationToken)
    {
        if (definitions.Count == 0)
        {
            return;
        }

        foreach (var statement in definitions.Append("ANALYZE movies, movie_genres"))
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
