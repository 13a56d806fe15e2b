using MovieTrends.Catalog.Migrations;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Ingest;
using Npgsql;

namespace MovieTrends.Tests.Catalog;

/// <summary>
/// Migration 0007 grants the shared chat allowance to whoever may write the chat's messages, so a role an earlier
/// migration made for the service can spend allowances without 0007 naming it, and a read-only role cannot.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChatAllowanceGrantTests(ScratchDatabaseServer server)
{
    private const int AllowanceMigration = 7;

    [Fact]
    public async Task The_chat_tables_writer_may_spend_allowances_and_a_reader_may_not()
    {
        await using var database = await CatalogDatabase.CreateAsync(server, migrate: false);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (writer, reader) = ($"chat_writer_{suffix}", $"catalog_reader_{suffix}");
        var migrations = Migration.LoadEmbedded();
        try
        {
            foreach (var migration in migrations.Where(migration => migration.Version < AllowanceMigration))
            {
                await ExecuteAsync(database, migration.Sql);
            }

            // What a roles migration before 0007 does for the service and for a reader.
            await ExecuteAsync(database, $"""
                CREATE ROLE {writer} NOLOGIN; GRANT SELECT, INSERT, DELETE ON chat_messages TO {writer};
                CREATE ROLE {reader} NOLOGIN; GRANT SELECT ON chat_messages TO {reader};
                """);
            await ExecuteAsync(database, migrations.Single(migration => migration.Version == AllowanceMigration).Sql);

            foreach (var privilege in new[] { "SELECT", "INSERT", "UPDATE", "DELETE" })
            {
                Assert.True(await HasPrivilegeAsync(database, writer, privilege), $"{writer} lacks {privilege} on chat_allowances.");
                Assert.False(await HasPrivilegeAsync(database, reader, privilege), $"{reader} got {privilege} on chat_allowances.");
            }
        }
        finally
        {
            // Roles belong to the whole server, not the scratch database.
            foreach (var role in new[] { writer, reader })
            {
                await ExecuteAsync(database, $"DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN DROP OWNED BY {role}; DROP ROLE {role}; END IF; END $$");
            }
        }
    }

    private static async Task ExecuteAsync(CatalogDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> HasPrivilegeAsync(CatalogDatabase database, string role, string privilege)
    {
        await using var command = database.DataSource.CreateCommand("SELECT has_table_privilege($1, 'chat_allowances', $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = role });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = privilege });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
