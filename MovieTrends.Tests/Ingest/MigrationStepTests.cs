using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Hosting;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Ingest;

/// <summary>
/// The importer as deployed: the administrator login for the migration step only, its own role for the import.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MigrationStepTests(ScratchDatabaseServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movietrends-migration-step-").FullName;

    [Fact]
    public async Task Migrates_as_the_administrator_then_imports_as_the_owner_role_holding_no_administrator_session()
    {
        var administrator = await server.CreateScratchDatabaseAsync();
        var owner = new NpgsqlConnectionStringBuilder(administrator) { Username = CatalogRoles.Ingest, Password = "owner-password" }.ConnectionString;
        var file = await TinyCatalogFile.WriteAsync(_folder, "movies.csv.gz",
            new TinyCatalogFile.Movie(1, "First", 18, "Drama", new DateOnly(2001, 1, 1), 5.5),
            new TinyCatalogFile.Movie(2, "Second", 35, "Comedy", new DateOnly(2002, 2, 2), 7.5));

        using var host = IngestHost(owner, administrator, "owner-password", "service-password");
        var exitCode = await host.RunIngestAsync(new IngestCommand(IngestAction.Import, file));

        Assert.Equal(0, exitCode);
        await using var connection = new NpgsqlConnection(administrator);
        await connection.OpenAsync();
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM movies"));
        Assert.Equal(CatalogRoles.Ingest, await ScalarAsync(connection, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'movies'"));
        // The migration step's unpooled administrator connection is closed once it is done.
        Assert.Equal(0L, await ScalarAsync(connection,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()"));
    }

    [Fact]
    public async Task One_role_password_without_the_other_is_refused_naming_both_settings()
    {
        var database = await server.CreateScratchDatabaseAsync();
        using var host = IngestHost(database, database, "only-one", null);

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<MigrationRunner>());

        Assert.Contains(CatalogRolePasswords.IngestSetting, error.Message);
        Assert.Contains(CatalogRolePasswords.ServiceSetting, error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IHost IngestHost(string login, string administrator, string? ingestPassword, string? servicePassword)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{CatalogConnection.MigrationName}"] = administrator;
        builder.Configuration[CatalogRolePasswords.IngestSetting] = ingestPassword;
        builder.Configuration[CatalogRolePasswords.ServiceSetting] = servicePassword;
        builder.AddIngest(login);
        return builder.Build();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
