using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

/// <summary>Hand-made files whose bad rows are skipped and reported while the good rows still load.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class BadRowTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task Bad_rows_are_reported_with_the_line_they_start_on_and_why()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(CsvFixture.FixturePath("bad-rows.tmdb_5000.csv"));

        // The first record spans lines 2 and 3 (a bare CR inside its overview), so the next one starts on line 4.
        var reasons = summary.Skipped.ToDictionary(s => s.Line, s => s.Reason);
        Assert.Equal([4, 5, 6, 7, 8, 9, 11, 13, 14], reasons.Keys);
        Assert.Contains("invalid popularity 'abc'", reasons[4]);
        Assert.Contains("missing title", reasons[5]);
        Assert.Contains("invalid id 'x12'", reasons[6]);
        Assert.Contains("invalid release_date '2009-13-45'", reasons[7]);
        Assert.Contains("invalid genres", reasons[8]);
        Assert.Contains("expected 20 fields", reasons[9]);
        Assert.Contains("duplicate id 9000008", reasons[11]);
        Assert.Contains("line 10", reasons[11]);
        Assert.Contains("invalid vote_count '12.5'", reasons[13]);
        Assert.Contains("missing id", reasons[14]);
        Assert.Equal((12, 3, 9), (summary.RowsRead, summary.Inserted, summary.RowsSkipped));
    }

    [Fact]
    public async Task Good_rows_around_bad_ones_load_and_the_first_of_a_duplicate_id_wins()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        await catalog.ImportAsync(CsvFixture.FixturePath("bad-rows.tmdb_5000.csv"));

        var movies = await catalog.MoviesAsync();
        Assert.Equal([9000001, 9000008, 9000009], movies.Keys.Order());
        Assert.Equal("First part.\rSecond part after a bare CR.", movies[9000001].Overview);
        Assert.Equal(["Comedy", "Drama"], movies[9000001].Genres);
        Assert.Equal("Kept First", movies[9000008].Title);
        Assert.Equal(3.25, movies[9000008].Popularity);
        Assert.Equal(new DateOnly(1999, 12, 31), movies[9000008].ReleaseDate);
        Assert.Null(movies[9000009].ReleaseDate);
        Assert.Null(movies[9000009].VoteCount);
        Assert.Empty(movies[9000009].Genres);
        // The undated movie is in the catalog but in no per-year count.
        Assert.Equal(2L, await catalog.ScalarAsync<long>("SELECT sum(movie_count) FROM year_counts"));
    }

    [Fact]
    public async Task Tmdb_movies_dates_must_agree_with_release_year()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(CsvFixture.FixturePath("bad-rows.tmdb-movies.csv"));

        var reasons = summary.Skipped.ToDictionary(s => s.Line, s => s.Reason);
        Assert.Equal([3, 4, 5, 6, 7], reasons.Keys);
        Assert.Contains("disagrees with release_year 2014", reasons[3]);
        Assert.Contains("invalid release_date '13/1/15'", reasons[4]);
        Assert.Contains("invalid release_date '2/30/15'", reasons[5]);
        Assert.Contains("invalid release_date '6/9/2015'", reasons[6]);
        Assert.Contains("invalid release_year ''", reasons[7]);
        var movies = await catalog.MoviesAsync();
        Assert.Equal([9100001, 9100007], movies.Keys.Order());
        Assert.Equal(new DateOnly(1966, 12, 18), movies[9100001].ReleaseDate);
        Assert.Equal(new DateOnly(1960, 1, 2), movies[9100007].ReleaseDate);
        Assert.Equal(6.5e-05, movies[9100007].Popularity);
    }

    [Fact]
    public async Task The_real_duplicate_of_tmdb_movies_is_reported_and_loaded_once()
    {
        // TEKKEN (id 42194) is the one id repeated in tmdb-movies.csv: the fixture holds both copies.
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(CsvFixture.FixturePath("tmdb-movies.duplicate.csv"));

        var duplicate = Assert.Single(summary.Skipped);
        Assert.Equal(3, duplicate.Line);
        Assert.Contains("duplicate id 42194", duplicate.Reason);
        Assert.Equal((2, 1), (summary.RowsRead, summary.Inserted));
        Assert.Equal("TEKKEN", (await catalog.MoviesAsync())[42194].Title);
    }
}
