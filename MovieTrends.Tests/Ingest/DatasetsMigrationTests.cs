using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

/// <summary>
/// A catalog loaded before the datasets (schema 0004) migrates: its movies become the default dataset with their
/// genres, counts and ranking, and ratings keep the value the file wrote.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DatasetsMigrationTests(ScratchDatabaseServer server)
{
    // Three movies as the 0004 importer left them: two dated in 2001, one undated; ratings stored as real.
    private const string Catalog0004 = """
        INSERT INTO imports (file_name, sha256, layout, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_skipped, duration_ms)
        VALUES ('tmdb_5000_movies.csv.gz', 'abc', 'tmdb-5000', 3, 3, 0, 0, 0, 10);
        INSERT INTO genres (name) VALUES ('Drama'), ('Comedy');
        INSERT INTO movies (id, title, release_date, release_year, popularity, vote_average, vote_count, overview, source, import_id) VALUES
            (10, 'Ten', '2001-05-01', 2001, 3.5, 6.1, 120, null, 'tmdb-5000', 1),
            (20, 'Twenty', '2001-07-01', 2001, 9.25, 7.2, 40, 'x', 'tmdb-5000', 1),
            (30, 'Thirty', null, null, 1.0, 0, 0, null, 'tmdb-5000', 1);
        INSERT INTO movie_genres (movie_id, genre_id)
            SELECT m, g.id FROM (VALUES (10, 'Drama'), (20, 'Drama'), (20, 'Comedy'), (30, 'Comedy')) v(m, n) JOIN genres g ON g.name = v.n;
        INSERT INTO genre_year_counts SELECT mg.genre_id, 2001, count(*) FROM movie_genres mg WHERE mg.movie_id IN (10, 20) GROUP BY mg.genre_id;
        INSERT INTO year_counts VALUES (2001, 2);
        SELECT rebuild_year_popularity(50);
        """;

    [Fact]
    public async Task A_0004_catalog_becomes_the_default_dataset_with_its_counts_ranking_and_exact_ratings()
    {
        await using var database = await CatalogDatabase.CreateAsync(server, migrate: false);
        await database.Migrations.MigrateAsync(lastVersion: 4);
        await database.ExecuteAsync(Catalog0004);

        var applied = await database.Migrations.MigrateAsync();

        Assert.Contains(applied, migration => migration.Version == 5);
        Assert.Equal("tmdb-5000", await database.ScalarAsync<string>("SELECT string_agg(DISTINCT dataset_id, ',') FROM movies"));
        Assert.Equal("tmdb-5000", await database.ScalarAsync<string>("SELECT string_agg(DISTINCT dataset_id, ',') FROM movie_genres"));
        Assert.Equal("tmdb-5000", await database.ScalarAsync<string>("SELECT string_agg(DISTINCT dataset_id, ',') FROM imports"));
        Assert.Equal(4L, await database.ScalarAsync<long>("SELECT count(*) FROM movie_genres"));
        // real 6.1 is 6.0999999 as a double; the migration keeps the 6.1 the file wrote, so minRating 6.1 will find it.
        Assert.True(await database.ScalarAsync<bool>("SELECT vote_average = 6.1 FROM movies WHERE id = 10"));
        Assert.Equal(
            new Dictionary<(string, int), int> { [("Drama", 2001)] = 2, [("Comedy", 2001)] = 1 },
            await database.GenreYearCountsAsync("tmdb-5000"));
        Assert.Equal(new Dictionary<int, int> { [2001] = 2 }, await database.YearCountsAsync("tmdb-5000"));
        Assert.Equal("20,10", await database.ScalarAsync<string>(
            "SELECT string_agg(movie_id::text, ',' ORDER BY rank) FROM year_popularity WHERE dataset_id = 'tmdb-5000' AND year = 2001 AND from_top"));
        Assert.Equal("3,1,3,2", await database.ScalarAsync<string>(
            "SELECT concat_ws(',', movie_count, undated_count, with_votes, with_rating) FROM dataset_coverage WHERE dataset_id = 'tmdb-5000'"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM datasets"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM movies WHERE dataset_id <> 'tmdb-5000'"));
    }
}
