using System.Text.Json;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Oracle;

/// <summary>
/// Today's service answers the questions it already knows (MOVIES, no filter, tmdb-5000) as the oracle computes them,
/// which ties the oracle to the behaviour the new measures, filters and datasets extend.
/// </summary>
[Collection("app")]
public sealed class OracleAgreesWithServiceTests(AppFixture app)
{
    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    [Theory]
    [InlineData(1916, 2017)]
    [InlineData(2000, 2010)]
    public async Task GenreTrends_matches(int from, int to)
    {
        var answer = (await _client.DataAsync("""
            query($from: Int!, $to: Int!) { genreTrends(from: $from, to: $to) { years totals series { genre counts total } } }
            """, new { from, to })).GetProperty("genreTrends");
        var expected = DatasetOracle.Tmdb5000.GenreTrends(from, to);

        OracleAssert.GenreTrendsCounts(expected, answer);
    }

    [Theory]
    [InlineData(2010, 50)]
    [InlineData(1916, 5)]
    [InlineData(2016, 20)]
    public async Task Popularity_matches(int year, int limit)
    {
        var answer = (await _client.DataAsync("""
            query($year: Int!, $limit: Int!) { popularity(year: $year, limit: $limit) { movieCount top { id } bottom { id } } }
            """, new { year, limit })).GetProperty("popularity");
        var expected = DatasetOracle.Tmdb5000.Popularity(year, limit);

        Assert.Equal(expected.MovieCount, answer.GetProperty("movieCount").GetInt32());
        Assert.Equal(expected.Top.Select(movie => movie.Id), Ids(answer.GetProperty("top")));
        Assert.Equal(expected.Bottom.Select(movie => movie.Id), Ids(answer.GetProperty("bottom")));
    }

    [Fact]
    public async Task Catalog_counts_match()
    {
        var catalog = (await _client.DataAsync("{ catalog { movieCount undatedCount } }")).GetProperty("catalog");

        Assert.Equal(DatasetOracle.Tmdb5000.MovieCount, catalog.GetProperty("movieCount").GetInt32());
        Assert.Equal(DatasetOracle.Tmdb5000.UndatedCount, catalog.GetProperty("undatedCount").GetInt32());
    }

    private static IEnumerable<int> Ids(JsonElement movies) =>
        movies.EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32());
}
