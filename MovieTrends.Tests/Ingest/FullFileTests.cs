using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

/// <summary>The default data file the app ships, loaded whole.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FullFileTests(ScratchDatabaseServer server)
{
    [Fact]
    public async Task The_shipped_5000_file_loads_4803_movies_20_genres_and_one_undated_movie()
    {
        var csv = CsvFixture.Load(DefaultDataFile.Path);
        var expected = ExpectedMovies.From(csv);
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(csv.Path);

        Assert.Equal((4803, 4803, 0), (summary.RowsRead, summary.Inserted, summary.RowsSkipped));
        Assert.Equal(4803, expected.Count);
        Assert.Equal(4803L, await catalog.ScalarAsync<long>("SELECT count(*) FROM movies"));
        Assert.Equal(20L, await catalog.ScalarAsync<long>("SELECT count(*) FROM genres"));
        Assert.Equal(380097, await catalog.ScalarAsync<int>("SELECT id FROM movies WHERE release_date IS NULL"));
        Assert.Equal(ExpectedMovies.GenreYearCounts(expected.Values), await catalog.GenreYearCountsAsync());
        Assert.Equal(ExpectedMovies.YearCounts(expected.Values), await catalog.YearCountsAsync());
        var movies = await catalog.MoviesAsync();
        Assert.All(expected.Values, movie => Assert.Equal(
            (movie.Title, movie.ReleaseDate, movie.Popularity, movie.Overview),
            (movies[movie.Id].Title, movies[movie.Id].ReleaseDate, movies[movie.Id].Popularity, movies[movie.Id].Overview)));
    }
}
