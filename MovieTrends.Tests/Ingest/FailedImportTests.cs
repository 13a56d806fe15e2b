using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Ingest;

/// <summary>An import that fails part-way leaves the catalog exactly as it was; a file it cannot use says why.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FailedImportTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task A_database_error_during_the_merge_rolls_back_everything()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        var before = await catalog.SnapshotAsync();
        // The Godfather (238) is in the top-rated file but not in the first 200 rows of the 5000 file:
        // the merge inserts other movies first, then fails on this one.
        await catalog.ExecuteAsync("""
            CREATE FUNCTION refuse_godfather() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.id = 238 THEN RAISE EXCEPTION 'refusing movie 238'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_godfather BEFORE INSERT ON movies FOR EACH ROW EXECUTE FUNCTION refuse_godfather();
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => catalog.ImportAsync(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv")));

        Assert.Contains("refusing movie 238", error.MessageText);
        Assert.Equal(before, await catalog.SnapshotAsync());
        Assert.Equal(1L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
    }

    [Fact]
    public async Task A_damaged_gzip_file_fails_with_a_clear_message_and_changes_nothing()
    {
        var damaged = Path.Combine(Path.GetTempPath(), $"damaged.{Guid.NewGuid():N}.csv.gz");
        var bytes = await File.ReadAllBytesAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        // Keep the header intact; scramble the compressed data in the middle of the file.
        Array.Fill(bytes, (byte)0xAB, bytes.Length / 2, 4096);
        await File.WriteAllBytesAsync(damaged, bytes);
        try
        {
            await using var catalog = await CatalogDatabase.CreateAsync(server);
            await catalog.ImportAsync(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv"));
            var before = await catalog.SnapshotAsync();

            var error = await Assert.ThrowsAsync<ImportException>(() => catalog.ImportAsync(damaged));

            Assert.Contains("is damaged", error.Message);
            Assert.Equal(before, await catalog.SnapshotAsync());
            Assert.Equal(1L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
        }
        finally
        {
            File.Delete(damaged);
        }
    }

    [Fact]
    public async Task An_import_cancelled_part_way_rolls_back()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        var before = await catalog.SnapshotAsync();

        // Another session holds movies, so the import stages its rows and then waits at the merge.
        await using var blocker = await catalog.DataSource.OpenConnectionAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockMovies = new NpgsqlCommand("LOCK TABLE movies IN ACCESS EXCLUSIVE MODE", blocker))
        {
            await lockMovies.ExecuteNonQueryAsync();
        }

        using var cancellation = new CancellationTokenSource();
        var import = catalog.Importer.ImportAsync(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv"), cancellation.Token);
        await WaitUntilAsync(async () => await catalog.ScalarAsync<long>(
            """
            SELECT count(*) FROM pg_locks
            WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND relation = 'movies'::regclass AND NOT granted
            """) > 0);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);
        await blocking.RollbackAsync();
        Assert.Equal(before, await catalog.SnapshotAsync());
        Assert.Equal(1L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
    }

    [Fact]
    public async Task An_unknown_header_names_the_layouts_it_expected()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var error = await Assert.ThrowsAsync<ImportException>(
            () => catalog.ImportAsync(CsvFixture.FixturePath("unknown-header.csv")));

        Assert.StartsWith("unrecognized header in unknown-header.csv: expected one of the TMDB layouts", error.Message);
        Assert.Contains("tmdb-5000 (id, title, genres", error.Message);
        Assert.Contains("found name, year, rating", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0L, await catalog.ScalarAsync<long>("SELECT count(*) FROM imports"));
    }

    [Fact]
    public async Task Missing_and_empty_files_are_clear_errors()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        var empty = Path.Combine(Path.GetTempPath(), $"empty.{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(empty, []);
        try
        {
            var missing = await Assert.ThrowsAsync<ImportException>(() => catalog.ImportAsync("/nonexistent/movies.csv"));
            var blank = await Assert.ThrowsAsync<ImportException>(() => catalog.ImportAsync(empty));

            Assert.Equal("file not found: /nonexistent/movies.csv", missing.Message);
            Assert.Contains("is empty", blank.Message);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the import never reached the merge");
            await Task.Delay(50);
        }
    }
}
