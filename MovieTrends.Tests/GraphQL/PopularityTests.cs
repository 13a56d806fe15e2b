using System.Globalization;
using System.Text.Json;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.Ingest.Import;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class PopularityTests(InProcessApp app)
{
    private const string PopularityQuery = """
        query Popularity($year: Int!, $limit: Int!) {
          popularity(year: $year, limit: $limit) {
            year movieCount
            top { ...movie }
            bottom { ...movie }
          }
        }
        fragment movie on Movie { id title releaseDate year popularity voteAverage voteCount genres overview tmdbUrl }
        """;

    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    [Fact]
    public async Task In_2010_Inception_is_the_most_popular_of_225_dated_movies()
    {
        var report = (await _client.DataAsync(PopularityQuery, new { year = 2010, limit = 1 })).GetProperty("popularity");

        Assert.Equal(225, report.GetProperty("movieCount").GetInt32());
        var top = report.GetProperty("top")[0];
        Assert.Equal("Inception", top.GetProperty("title").GetString());
        Assert.Equal(167.58371, top.GetProperty("popularity").GetDouble());
        Assert.Equal("https://www.themoviedb.org/movie/27205", top.GetProperty("tmdbUrl").GetString());
    }

    [Fact]
    public void Every_limit_the_API_accepts_is_within_the_ranking_each_import_keeps() =>
        Assert.Equal(CatalogLimits.MaxLimit, PopularityRanking.Depth);

    [Theory]
    [InlineData(2010, 5)]
    [InlineData(1995, 1)]
    [InlineData(2004, 50)]
    [InlineData(1916, 3)]
    [InlineData(2017, 5)]
    public async Task Top_and_bottom_follow_popularity_with_ties_by_id(int year, int limit)
    {
        var report = (await _client.DataAsync(PopularityQuery, new { year, limit })).GetProperty("popularity");

        var ofYear = RawTmdbData.Dated.Where(movie => movie.Year == year).ToArray();
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        Assert.Equal(ofYear.Length, report.GetProperty("movieCount").GetInt32());
        AssertMovies(
            [.. ofYear.OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(limit)],
            report.GetProperty("top"));
        AssertMovies(
            [.. ofYear.OrderBy(movie => movie.Popularity).ThenBy(movie => movie.Id).Take(limit)],
            report.GetProperty("bottom"));
    }

    [Fact]
    public async Task The_thin_year_2017_has_the_same_movie_on_top_and_bottom()
    {
        var report = (await _client.DataAsync(PopularityQuery, new { year = 2017, limit = 5 })).GetProperty("popularity");

        var only = Assert.Single(RawTmdbData.Dated, movie => movie.Year == 2017);
        Assert.Equal(1, report.GetProperty("movieCount").GetInt32());
        Assert.Equal(only.Title, Assert.Single(report.GetProperty("top").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(only.Title, Assert.Single(report.GetProperty("bottom").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_year_without_movies_is_empty_not_an_error()
    {
        var report = (await _client.DataAsync(PopularityQuery, new { year = 1850, limit = 5 })).GetProperty("popularity");

        Assert.Equal(0, report.GetProperty("movieCount").GetInt32());
        Assert.Equal(0, report.GetProperty("top").GetArrayLength());
        Assert.Equal(0, report.GetProperty("bottom").GetArrayLength());
    }

    [Fact]
    public async Task The_limit_defaults_to_five()
    {
        var report = (await _client.DataAsync("{ popularity(year: 2010) { top { id } bottom { id } } }")).GetProperty("popularity");

        Assert.Equal(5, report.GetProperty("top").GetArrayLength());
        Assert.Equal(5, report.GetProperty("bottom").GetArrayLength());
    }

    private static void AssertMovies(RawTmdbMovie[] expected, JsonElement actual)
    {
        Assert.Equal(expected.Select(movie => movie.Id), actual.EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()));
        foreach (var (movie, json) in expected.Zip(actual.EnumerateArray()))
        {
            Assert.Equal(movie.Title, json.GetProperty("title").GetString());
            Assert.Equal(movie.ReleaseDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), json.GetProperty("releaseDate").GetString());
            Assert.Equal(movie.Year, json.GetProperty("year").GetInt32());
            Assert.Equal(movie.Popularity, json.GetProperty("popularity").GetDouble());
            Assert.Equal(movie.VoteAverage, json.GetProperty("voteAverage").GetDouble());
            Assert.Equal(movie.VoteCount, json.GetProperty("voteCount").GetInt32());
            Assert.Equal(movie.Genres.Order(StringComparer.Ordinal), json.GetProperty("genres").Strings().Order(StringComparer.Ordinal));
            Assert.Equal(movie.Overview, json.GetProperty("overview").GetString());
            Assert.Equal($"https://www.themoviedb.org/movie/{movie.Id}", json.GetProperty("tmdbUrl").GetString());
        }
    }
}
