using Microsoft.Extensions.Logging;
using Npgsql;

namespace MovieTrends.Catalog.Migrations;

/// <summary>
/// Applies the embedded migrations that the database has not seen yet, each in its own transaction,
/// and records them in <c>schema_migrations</c>; then gives the apps' roles their logins when
/// <paramref name="rolePasswords"/> are given, and re-applies the roles' ownership and grants (migration 0006).
/// </summary>
public sealed partial class MigrationRunner(
    NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger, CatalogRolePasswords? rolePasswords = null)
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
            // Checked first: CREATE TABLE IF NOT EXISTS needs the right to create, which the importer's own role lacks.
            await ExecuteAsync(connection, """
                DO $$
                BEGIN
                    IF to_regclass('schema_migrations') IS NULL THEN
                        CREATE TABLE schema_migrations (
                            version    integer     PRIMARY KEY,
                            name       text        NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now()
                        );
                    END IF;
                END $$
                """, cancellationToken);

            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            if (rolePasswords is not null)
            {
                await SetRoleLoginsAsync(connection, rolePasswords, cancellationToken);
            }

            // Tables a migration made are handed to the owner role and granted, whoever ran it; a login without
            // the right to (the importer's own) leaves that to the migration step.
            await ExecuteAsync(connection, """
                DO $$
                BEGIN
                    IF to_regprocedure('grant_catalog_privileges()') IS NOT NULL
                       AND has_function_privilege('grant_catalog_privileges()', 'EXECUTE') THEN
                        PERFORM grant_catalog_privileges();
                    END IF;
                END $$
                """, cancellationToken);

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

    // Sets the password on every run, so a rotated one takes effect at the next deployment.
    private async Task SetRoleLoginsAsync(NpgsqlConnection connection, CatalogRolePasswords passwords, CancellationToken cancellationToken)
    {
        foreach (var (role, password) in new[] { (CatalogRoles.Ingest, passwords.Ingest), (CatalogRoles.Service, passwords.Service) })
        {
            // ALTER ROLE takes no parameters; the verifier is base64 and '$', ':' only, so it needs no quoting.
            await ExecuteAsync(connection, $"ALTER ROLE {role} LOGIN PASSWORD '{ScramVerifier.For(password)}'", cancellationToken);
            LogLoginSet(logger, role);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} may log in with its generated password")]
    private static partial void LogLoginSet(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date (version {Version:D4})")]
    private static partial void LogUpToDate(ILogger logger, int version);
}
