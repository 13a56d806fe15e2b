using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Tests.Chat;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Catalog;

/// <summary>
/// Least privilege (migration 0006 and the migration step): what the GraphQL service's role and the importer's
/// role may and may not do, checked by trying it on a real server, and that setting the roles up again changes
/// nothing.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DatabaseRolesTests(ScratchDatabaseServer server, InProcessApp app)
{
    private const string InsufficientPrivilege = "42501";

    private static readonly CatalogRolePasswords Passwords = new("ingest-password-0123456789", "service-password-0123456789");

    [Theory]
    [InlineData("INSERT INTO movies (id, title, popularity, source, import_id) VALUES (-1, 'x', 1, 'x', 1)")]
    [InlineData("UPDATE movies SET title = 'x'")]
    [InlineData("DELETE FROM genre_year_counts")]
    [InlineData("TRUNCATE year_popularity")]
    [InlineData("INSERT INTO imports (file_name, sha256, layout, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_skipped, duration_ms) VALUES ('x', 'x', 'x', 0, 0, 0, 0, 0, 0)")]
    [InlineData("DELETE FROM schema_migrations")]
    public async Task The_service_role_cannot_write_the_catalog(string statement)
    {
        var database = await MigratedDatabaseAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(LoginAs(database, CatalogRoles.Service), statement));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData(CatalogRoles.Service)]
    [InlineData(CatalogRoles.Ingest)]
    public async Task Neither_role_can_create_tables_roles_or_databases(string role)
    {
        var login = LoginAs(await MigratedDatabaseAsync(), role);

        foreach (var statement in new[] { "CREATE TABLE intruder (id int)", $"CREATE ROLE intruder_{role}", "CREATE DATABASE intruder" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(login, statement));
            Assert.Equal(InsufficientPrivilege, error.SqlState);
        }
    }

    [Fact]
    public async Task The_service_role_reads_the_catalog_and_writes_chat_rows()
    {
        var login = LoginAs(await MigratedDatabaseAsync(), CatalogRoles.Service);
        var id = Guid.NewGuid();

        await ExecuteAsync(login, $"INSERT INTO chat_conversations (id, expires_at) VALUES ('{id}', now() + interval '1 hour')");
        await ExecuteAsync(login, $"INSERT INTO chat_messages (conversation_id, role, content) VALUES ('{id}', 'user', 'hello')");
        await ExecuteAsync(login, $"UPDATE chat_conversations SET expires_at = now() WHERE id = '{id}'");
        Assert.Equal(1L, await ScalarAsync(login, $"SELECT count(*) FROM chat_messages WHERE conversation_id = '{id}'"));
        await ExecuteAsync(login, $"DELETE FROM chat_conversations WHERE id = '{id}'");

        Assert.Equal(0L, await ScalarAsync(login, "SELECT count(*) FROM movies"));
        Assert.Equal(0L, await ScalarAsync(login, $"SELECT count(*) FROM chat_messages WHERE conversation_id = '{id}'"));
    }

    [Fact]
    public async Task The_importer_role_owns_every_table_and_the_administrator_owns_the_grant_function()
    {
        var database = await MigratedDatabaseAsync();

        var owners = await ScalarAsync(database, """
            SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
            """);
        Assert.Equal(CatalogRoles.Ingest, owners);
        Assert.Equal("postgres", await ScalarAsync(database, "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'grant_catalog_privileges'"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(LoginAs(database, CatalogRoles.Service), "SELECT grant_catalog_privileges()"));
        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Migrating_again_changes_no_role_ownership_or_grant()
    {
        var database = await MigratedDatabaseAsync();
        var before = await PrivilegesAsync(database);

        var applied = await MigrateAsync(database);

        Assert.Empty(applied);
        Assert.Equal(before, await PrivilegesAsync(database));
        Assert.Contains($"movies|{CatalogRoles.Ingest}|", before);
    }

    [Fact]
    public async Task Tables_a_later_migration_adds_are_owned_and_granted_without_naming_a_role()
    {
        var database = await MigratedDatabaseAsync();
        // What a later migration does, as the migration step: new tables, no grants.
        await ExecuteAsync(database, "CREATE TABLE chat_allowance (client text PRIMARY KEY, used integer NOT NULL)");
        await ExecuteAsync(database, "CREATE TABLE movie_keywords (movie_id integer, keyword text)");

        await MigrateAsync(database);

        var service = LoginAs(database, CatalogRoles.Service);
        await ExecuteAsync(service, "INSERT INTO chat_allowance VALUES ('a', 1)");
        await ExecuteAsync(service, "UPDATE chat_allowance SET used = used + 1");
        Assert.Equal(0L, await ScalarAsync(service, "SELECT count(*) FROM movie_keywords"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(service, "INSERT INTO movie_keywords VALUES (1, 'x')"));
        Assert.Equal(InsufficientPrivilege, error.SqlState);
        Assert.Equal(CatalogRoles.Ingest, await ScalarAsync(database, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'movie_keywords'"));
    }

    [Fact]
    public async Task An_administrator_that_is_no_superuser_sets_the_roles_up_as_Azure_s_must()
    {
        // Azure's administrator may create roles and owns the database, but is not a superuser: the privilege
        // checks a superuser skips (handing tables to a role, granting in the schema) apply to it.
        var superuser = await server.CreateScratchDatabaseAsync();
        var administrator = $"admin_{Guid.NewGuid():N}";
        var database = $"owned_{Guid.NewGuid():N}";
        await ExecuteAsync(superuser, $"CREATE ROLE {administrator} LOGIN CREATEROLE");
        await ExecuteAsync(superuser, $"CREATE DATABASE {database} OWNER {administrator}");
        var asAdministrator = new NpgsqlConnectionStringBuilder(superuser) { Database = database, Username = administrator }.ConnectionString;

        await MigrateAsync(asAdministrator);
        await MigrateAsync(asAdministrator);

        Assert.Equal(CatalogRoles.Ingest, await ScalarAsync(asAdministrator, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'movies'"));
        var service = LoginAs(asAdministrator, CatalogRoles.Service);
        Assert.Equal(0L, await ScalarAsync(service, "SELECT count(*) FROM movies"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(LoginAs(asAdministrator, CatalogRoles.Ingest), "CREATE TABLE intruder (id int)"));
        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_server_keeps_only_a_SCRAM_verifier_never_the_password()
    {
        var database = await MigratedDatabaseAsync();

        foreach (var (role, password) in new[] { (CatalogRoles.Ingest, Passwords.Ingest), (CatalogRoles.Service, Passwords.Service) })
        {
            var stored = (string)(await ScalarAsync(database, $"SELECT rolpassword FROM pg_authid WHERE rolname = '{role}'"))!;
            Assert.StartsWith("SCRAM-SHA-256$4096:", stored);
            Assert.DoesNotContain(password, stored);
            Assert.True((bool)(await ScalarAsync(database, $"SELECT rolcanlogin FROM pg_roles WHERE rolname = '{role}'"))!);
        }
    }

    [Fact]
    public async Task The_service_answers_and_stores_chats_logged_in_as_its_role()
    {
        using var graphql = app.CreateHttpClient("graphql");
        using var response = await graphql.PostAsJsonAsync("/graphql", new
        {
            query = ChatTestHost.ChatMutation,
            variables = new { input = new { message = "What was the most popular movie in 2010?" } },
        });
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("chat");
        var conversationId = reply.GetProperty("conversationId").GetString();

        Assert.StartsWith($"The most popular movie of 2010 is {ExpectedFigures.MostPopular(2010).Title}", reply.GetProperty("message").GetString());
        Assert.Equal(2L, await ScalarAsync(app.MovieDbConnectionString, $"SELECT count(*) FROM chat_messages WHERE conversation_id = '{conversationId}'"));
        Assert.Equal(CatalogRoles.Service, new NpgsqlConnectionStringBuilder(app.ServiceConnectionString).Username);
        // The service's pooled sessions are its role's.
        Assert.True((long)(await ScalarAsync(app.MovieDbConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{CatalogConnection.Name}' AND usename = '{CatalogRoles.Service}'"))! > 0);
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var database = await server.CreateScratchDatabaseAsync();
        await MigrateAsync(database);
        return database;
    }

    private static async Task<IReadOnlyList<Migration>> MigrateAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        return await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance, Passwords).MigrateAsync();
    }

    private static string LoginAs(string database, string role) =>
        new NpgsqlConnectionStringBuilder(database) { Username = role, Password = role == CatalogRoles.Service ? Passwords.Service : Passwords.Ingest }.ConnectionString;

    // Every table's owner and access list, and the schema's, in one comparable text.
    private static async Task<string> PrivilegesAsync(string database) => (string)(await ScalarAsync(database, """
        SELECT string_agg(relname || '|' || pg_get_userbyid(relowner) || '|' || coalesce(relacl::text, ''), E'\n' ORDER BY relname)
               || E'\n' || (SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public')
               || E'\n' || coalesce((SELECT string_agg(defaclacl::text, ',') FROM pg_default_acl), '')
        FROM pg_class WHERE relnamespace = 'public'::regnamespace
        """))!;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
