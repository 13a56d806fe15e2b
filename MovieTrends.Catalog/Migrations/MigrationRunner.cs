using Microsoft.Extensions.Logging;
using Npgsql;

namespace MovieTrends.Catalog.Migrations;

/// <summary>
/// Applies the embedded migrations that the database has not seen yet, each in its own transaction,
/// and records them in <c>schema_migrations</c>.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Every runner takes this session lock first, so two instances starting together apply each script once.
    private const long MigrationLockKey = 7_270_001;

    /// <summary>Applies pending migrations and returns the ones applied by this call.</summary>
    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>
    /// Applies pending migrations up to <paramref name="lastVersion"/>, as a database of an older release has
    /// them: how upgrades are tested.
    /// </summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(int lastVersion, CancellationToken cancellationToken = default)
    {
        var migrations = Migration.LoadEmbedded().Where(m => m.Version <= lastVersion).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            if (pending.Count == 0)
            {
                LogUpToDate(logger, migrations.Count == 0 ? 0 : migrations[^1].Version);
            }

            return pending;
        }
        finally
        {
            // Unlock even when cancelled: the pooled connection lives on and would keep the lock.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"Migration {migration.Version:D4}_{migration.Name} failed: {e.MessageText}", e);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, migration.Version, migration.Name);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date (version {Version:D4})")]
    private static partial void LogUpToDate(ILogger logger, int version);
}
