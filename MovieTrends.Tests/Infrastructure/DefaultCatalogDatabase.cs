using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Faults;
using MovieTrends.Tests.Oracle;
using Npgsql;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The catalog database a first run leaves behind, made by the importer's own code on a private server:
/// <c>moviedb</c>, migrated with the roles' logins set as the migration step sets them, loaded with the three
/// bundled datasets, the default first.
/// </summary>
public static class DefaultCatalogDatabase
{
    /// <returns>The administrator's connection string of the loaded database.</returns>
    public static async Task<string> CreateAsync(PrivatePostgres server, CatalogRolePasswords? rolePasswords = null)
    {
        await using (var postgres = NpgsqlDataSource.Create(server.ConnectionString("postgres")))
        {
            await using var create = postgres.CreateCommand($"CREATE DATABASE {CatalogConnection.Name}");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = server.ConnectionString(CatalogConnection.Name);
        await using var catalog = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(catalog, NullLogger<MigrationRunner>.Instance, rolePasswords).MigrateAsync();
        var importer = new CatalogImporter(catalog, NullLogger<CatalogImporter>.Instance);
        foreach (var dataset in DatasetOracle.All)
        {
            await importer.ImportAsync(RawTmdbData.DataFile(dataset.FileName));
        }

        return connectionString;
    }
}
