using Microsoft.Extensions.Logging.Abstractions;
using MovieTrends.Catalog.Migrations;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MigrationTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task Migrations_apply_once_in_version_order_and_rerunning_applies_nothing()
    {
        await using var database = await CatalogDatabase.CreateAsync(server, migrate: false);
        var runner = database.Migrations;
        var embedded = Migration.LoadEmbedded();

        var first = await runner.MigrateAsync();
        var second = await runner.MigrateAsync();

        Assert.Contains(embedded, m => m is { Version: 1, Name: "catalog" });
        Assert.Equal(embedded.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Equal(embedded.Select(m => m.Version).Order(), embedded.Select(m => m.Version));
        Assert.Empty(second);
        await using var command = database.DataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        foreach (var migration in embedded)
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal((migration.Version, migration.Name), (reader.GetInt32(0), reader.GetString(1)));
        }

        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Two_runners_starting_together_apply_each_migration_once()
    {
        await using var database = await CatalogDatabase.CreateAsync(server, migrate: false);
        var runners = Enumerable.Range(0, 2)
            .Select(_ => new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance))
            .ToList();

        var applied = await Task.WhenAll(runners.Select(runner => runner.MigrateAsync()));

        Assert.Equal(
            Migration.LoadEmbedded().Select(m => m.Version),
            applied.SelectMany(a => a).Select(m => m.Version).Order());
        Assert.Equal((long)Migration.LoadEmbedded().Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }
}
