using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ReimportTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var path = CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz");
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(path);
        var before = await catalog.SnapshotAsync();

        var again = await catalog.ImportAsync(path);

        Assert.Equal((0, 0, 200, 0), (again.Inserted, again.Updated, again.Unchanged, again.RowsSkipped));
        Assert.Equal(before, await catalog.SnapshotAsync());
        Assert.Equal(2L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
    }

    [Fact]
    public async Task Every_import_announces_itself_and_says_whether_it_changed_the_catalog()
    {
        var path = CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz");
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await using var listener = await CatalogChannelListener.StartAsync(catalog.ConnectionString);

        var first = await catalog.ImportAsync(path);
        var again = await catalog.ImportAsync(path);

        // The unchanged import is news too: catalog.lastImportAt reads the import log.
        Assert.Equal(
            [first.ImportId.ToString(CultureInfo.InvariantCulture), again.ImportId.ToString(CultureInfo.InvariantCulture)],
            await listener.HeardAsync(catalog.ConnectionString));
        Assert.True(first.CatalogChanged);
        Assert.False(again.CatalogChanged);
    }

    [Fact]
    public async Task An_import_that_changes_no_movie_but_the_coverage_announces_itself_and_restores_it()
    {
        var path = CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz");
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(path);
        const string Coverage = "SELECT concat_ws(',', movie_count, with_runtime, with_budget) FROM dataset_coverage WHERE dataset_id = 'tmdb-5000'";
        var before = await catalog.ScalarAsync<string>(Coverage);
        Assert.NotNull(before);
        // As a catalog whose coverage was never computed, or was computed from other movies, has it.
        await catalog.ExecuteAsync("UPDATE dataset_coverage SET with_runtime = 0, with_budget = 0");
        await using var listener = await CatalogChannelListener.StartAsync(catalog.ConnectionString);

        var again = await catalog.ImportAsync(path);

        Assert.Equal((0, 0, 200), (again.Inserted, again.Updated, again.Unchanged));
        Assert.True(again.CatalogChanged);
        Assert.Equal([again.ImportId.ToString(CultureInfo.InvariantCulture)], await listener.HeardAsync(catalog.ConnectionString));
        Assert.Equal(before, await catalog.ScalarAsync<string>(Coverage));
    }

    [Fact]
    public async Task Gzipped_and_plain_copies_load_the_same_catalog_and_record_their_own_sha256()
    {
        var gzipped = CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz");
        var plain = Path.Combine(Path.GetTempPath(), $"tmdb_5000_movies.head.{Guid.NewGuid():N}.csv");
        await using (var source = new GZipStream(File.OpenRead(gzipped), CompressionMode.Decompress))
        await using (var target = File.Create(plain))
        {
            await source.CopyToAsync(target);
        }

        try
        {
            await using var fromGzip = await CatalogDatabase.CreateAsync(server);
            await using var fromPlain = await CatalogDatabase.CreateAsync(server);

            var gzipSummary = await fromGzip.ImportAsync(gzipped);
            var plainSummary = await fromPlain.ImportAsync(plain);

            Assert.Equal(200, gzipSummary.Inserted);
            Assert.Equal(200, plainSummary.Inserted);
            Assert.Equal(await fromGzip.SnapshotAsync(catalogOnly: true), await fromPlain.SnapshotAsync(catalogOnly: true));
            Assert.Equal(Sha256(gzipped), await fromGzip.ScalarAsync<string>("SELECT sha256 FROM imports"));
            Assert.Equal(Sha256(plain), await fromPlain.ScalarAsync<string>("SELECT sha256 FROM imports"));
        }
        finally
        {
            File.Delete(plain);
        }
    }

    [Fact]
    public async Task The_import_is_recorded_with_its_file_layout_and_counts()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(CsvFixture.FixturePath("bad-rows.tmdb_5000.csv"));

        await using var command = catalog.DataSource.CreateCommand(
            "SELECT file_name, layout, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_skipped, id FROM imports");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("bad-rows.tmdb_5000.csv", reader.GetString(0));
        Assert.Equal("tmdb-5000", reader.GetString(1));
        Assert.Equal((12, 3, 0, 0, 9), (reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6)));
        Assert.Equal(summary.ImportId, reader.GetInt64(7));
        Assert.False(await reader.ReadAsync());
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
