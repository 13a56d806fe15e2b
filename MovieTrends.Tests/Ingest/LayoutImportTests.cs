using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Ingest;

/// <summary>Each real TMDB layout, cut to its first 200 rows, loads exactly what the file says.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LayoutImportTests(ScratchDatabaseServer server)
{
    [Theory]
    [InlineData("tmdb_5000_movies.head.csv.gz", "tmdb-5000")]
    [InlineData("tmdb-movies.head.csv", "tmdb-movies")]
    [InlineData("tmdb-movies.1966.csv", "tmdb-movies")]
    [InlineData("top10K-TMDB-movies.head.csv", "tmdb-top10k")]
    public async Task Every_row_loads_with_its_title_date_popularity_votes_overview_and_genres(string fixture, string layout)
    {
        var csv = CsvFixture.Load(CsvFixture.FixturePath(fixture));
        var expected = ExpectedMovies.From(csv);
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        var summary = await catalog.ImportAsync(csv.Path);

        Assert.Equal(layout, summary.Layout);
        Assert.Equal(csv.Rows.Count, summary.RowsRead);
        Assert.Equal(expected.Count, summary.Inserted);
        Assert.Empty(summary.Skipped);
        var movies = await catalog.MoviesAsync();
        Assert.Equal(expected.Keys.Order(), movies.Keys.Order());
        foreach (var movie in expected.Values)
        {
            var loaded = movies[movie.Id];
            Assert.Equal(movie.Title, loaded.Title);
            Assert.Equal(movie.ReleaseDate, loaded.ReleaseDate);
            Assert.Equal(movie.Popularity, loaded.Popularity);
            Assert.Equal(movie.VoteAverage, loaded.VoteAverage);
            Assert.Equal(movie.VoteCount, loaded.VoteCount);
            Assert.Equal(movie.Overview, loaded.Overview);
            Assert.Equal(movie.Genres, loaded.Genres);
            Assert.Equal(layout, loaded.Source);
        }
    }

    [Theory]
    [InlineData("tmdb_5000_movies.head.csv.gz")]
    [InlineData("tmdb-movies.head.csv")]
    [InlineData("top10K-TMDB-movies.head.csv")]
    public async Task Aggregates_count_each_dated_movie_once_per_genre_and_year(string fixture)
    {
        var expected = ExpectedMovies.From(CsvFixture.Load(CsvFixture.FixturePath(fixture))).Values;
        await using var catalog = await CatalogDatabase.CreateAsync(server);

        await catalog.ImportAsync(CsvFixture.FixturePath(fixture));

        Assert.Equal(ExpectedMovies.GenreYearCounts(expected), await catalog.GenreYearCountsAsync());
        Assert.Equal(ExpectedMovies.YearCounts(expected), await catalog.YearCountsAsync());
    }

    [Fact]
    public async Task Avatar_keeps_the_values_of_the_5000_file()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));

        var avatar = (await catalog.MoviesAsync())[19995];

        Assert.Equal("Avatar", avatar.Title);
        Assert.Equal(150.437577, avatar.Popularity);
        Assert.Equal(new DateOnly(2009, 12, 10), avatar.ReleaseDate);
        Assert.Equal(7.2f, avatar.VoteAverage);
        Assert.Equal(11800, avatar.VoteCount);
        Assert.Equal(["Action", "Adventure", "Fantasy", "Science Fiction"], avatar.Genres);
    }

    [Fact]
    public async Task Two_digit_years_of_tmdb_movies_take_their_century_from_release_year()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb-movies.1966.csv"));
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb-movies.head.csv"));

        var movies = await catalog.MoviesAsync();

        // "12/18/66" with release_year 1966, and "6/9/15" with release_year 2015.
        Assert.Equal(new DateOnly(1966, 12, 18), movies[13377].ReleaseDate);
        Assert.Equal("How the Grinch Stole Christmas!", movies[13377].Title);
        Assert.Equal(new DateOnly(2015, 6, 9), movies[135397].ReleaseDate);
        Assert.Equal("Jurassic World", movies[135397].Title);
    }

    [Fact]
    public async Task Top_rated_file_reads_the_comma_separated_genre_column()
    {
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv"));

        var shawshank = (await catalog.MoviesAsync())[278];

        Assert.Equal(94.075, shawshank.Popularity);
        Assert.Equal(new DateOnly(1994, 9, 23), shawshank.ReleaseDate);
        Assert.Equal(["Crime", "Drama"], shawshank.Genres);
        Assert.Equal("tmdb-top10k", shawshank.Source);
    }

    [Fact]
    public async Task A_second_file_loads_into_its_own_dataset_and_leaves_the_first_as_it_was()
    {
        var first = ExpectedMovies.From(CsvFixture.Load(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz")));
        var second = ExpectedMovies.From(CsvFixture.Load(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv")));
        Assert.NotEmpty(first.Keys.Intersect(second.Keys));
        await using var catalog = await CatalogDatabase.CreateAsync(server);
        await catalog.ImportAsync(CsvFixture.FixturePath("tmdb_5000_movies.head.csv.gz"));
        var before = await catalog.MoviesAsync("tmdb-5000");

        var summary = await catalog.ImportAsync(CsvFixture.FixturePath("top10K-TMDB-movies.head.csv"));

        // Ids shared with the first file are movies of another dataset: new here, on their own popularity scale.
        Assert.Equal(second.Count, summary.Inserted);
        Assert.Equal(0, summary.Updated);
        Assert.Equivalent(before, await catalog.MoviesAsync("tmdb-5000"), strict: true);
        var movies = await catalog.MoviesAsync("tmdb-top10k");
        Assert.Equal(second.Keys.Order(), movies.Keys.Order());
        foreach (var (id, movie) in movies)
        {
            Assert.Equal("tmdb-top10k", movie.Source);
            Assert.Equal(second[id].Popularity, movie.Popularity);
            Assert.Equal(second[id].Genres, movie.Genres);
        }

        Assert.Equal(ExpectedMovies.GenreYearCounts([.. first.Values]), await catalog.GenreYearCountsAsync("tmdb-5000"));
        Assert.Equal(ExpectedMovies.GenreYearCounts([.. second.Values]), await catalog.GenreYearCountsAsync("tmdb-top10k"));
        Assert.Equal(ExpectedMovies.YearCounts([.. second.Values]), await catalog.YearCountsAsync("tmdb-top10k"));
    }
}
