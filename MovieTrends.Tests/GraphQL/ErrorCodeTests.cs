using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ErrorCodeTests(InProcessApp app)
{
    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    [Theory]
    [InlineData("{ genreTrends(from: 2010, to: 2000) { years } }", "INVALID_RANGE", "from <= to")]
    [InlineData("{ genreTrends(from: 1800, to: 2000) { years } }", "RANGE_TOO_LARGE", "at most 200 years")]
    [InlineData("{ genreTrends(from: 1799, to: 1800) { years } }", "YEAR_OUT_OF_RANGE", "1800..2100")]
    [InlineData("{ genreTrends(from: 2000, to: 2101) { years } }", "YEAR_OUT_OF_RANGE", "1800..2100")]
    [InlineData("{ popularity(year: 2101) { year } }", "YEAR_OUT_OF_RANGE", "1800..2100")]
    [InlineData("{ popularity(year: 2000, limit: 0) { year } }", "INVALID_LIMIT", "between 1 and 50")]
    [InlineData("{ popularity(year: 2000, limit: 51) { year } }", "INVALID_LIMIT", "between 1 and 50")]
    public async Task Bad_arguments_get_a_code_and_a_message_saying_what_to_fix(string query, string code, string hint)
    {
        var error = await _client.ErrorAsync(query);

        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(hint, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_genre_is_named_and_the_valid_ones_listed()
    {
        var error = await _client.ErrorAsync("""{ genreTrends(from: 2000, to: 2001, genres: ["Drama", "Sci-Fi"]) { years } }""");

        Assert.Equal("UNKNOWN_GENRE", error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'Sci-Fi'", message);
        foreach (var genre in RawTmdbData.Movies.SelectMany(movie => movie.Genres).Distinct())
        {
            Assert.Contains(genre, message);
        }
    }

    [Fact]
    public async Task The_widest_allowed_range_is_200_years()
    {
        var trends = (await _client.DataAsync("{ genreTrends(from: 1801, to: 2000) { years } }")).GetProperty("genreTrends");

        Assert.Equal(200, trends.GetProperty("years").GetArrayLength());
    }
}
