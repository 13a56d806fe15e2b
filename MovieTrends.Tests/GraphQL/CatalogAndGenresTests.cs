using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CatalogAndGenresTests(InProcessApp app)
{
    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    [Fact]
    public async Task The_catalog_counts_every_movie_and_the_undated_ones_apart()
    {
        var catalog = (await _client.DataAsync(
            "{ catalog { movieCount undatedCount genreCount firstYear lastYear sources lastImportAt } }")).GetProperty("catalog");

        var movies = RawTmdbData.Movies;
        Assert.Equal(movies.Select(movie => movie.Id).Distinct().Count(), catalog.GetProperty("movieCount").GetInt32());
        Assert.Equal(movies.Count(movie => movie.ReleaseDate is null), catalog.GetProperty("undatedCount").GetInt32());
        Assert.Equal(movies.SelectMany(movie => movie.Genres).Distinct().Count(), catalog.GetProperty("genreCount").GetInt32());
        Assert.Equal(RawTmdbData.Dated.Min(movie => movie.Year), catalog.GetProperty("firstYear").GetInt32());
        Assert.Equal(RawTmdbData.Dated.Max(movie => movie.Year), catalog.GetProperty("lastYear").GetInt32());
        Assert.NotEmpty(catalog.GetProperty("sources").Strings());
        Assert.True(DateTimeOffset.TryParse(catalog.GetProperty("lastImportAt").GetString(), out _));
    }

    [Fact]
    public async Task Genres_are_listed_most_movies_first_then_by_name()
    {
        var genres = (await _client.DataAsync("{ genres { name movieCount } }")).GetProperty("genres");

        var expected = RawTmdbData.Movies
            .SelectMany(movie => movie.Genres)
            .GroupBy(genre => genre)
            .Select(group => (Name: group.Key, Count: group.Count()))
            .OrderByDescending(genre => genre.Count)
            .ThenBy(genre => genre.Name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            expected,
            genres.EnumerateArray().Select(genre => (genre.GetProperty("name").GetString()!, genre.GetProperty("movieCount").GetInt32())));
    }
}
