using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>popularity with a filter ranks only the year's passing movies, against the raw-CSV oracle.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class FilteredPopularityTests(InProcessApp app)
{
    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    private static readonly Dictionary<string, (string Dataset, int Year, int Limit, OracleFilter Filter)> Cases = new()
    {
        ["5000 2010 rated 7.5 or more"] = ("tmdb-5000", 2010, 3, new(MinRating: 7.5)),
        ["5000 2015 released only"] = ("tmdb-5000", 2015, 50, new(ReleasedOnly: true)),
        ["5000 2009 French or Spanish"] = ("tmdb-5000", 2009, 5, new(Languages: ["FR", "es"])),
        ["5000 2012 all four"] = ("tmdb-5000", 2012, 10, new(Languages: ["en"], MinVotes: 500, MinRating: 6, ReleasedOnly: true)),
        ["movies 2015 at least 1000 votes"] = ("tmdb-movies", 2015, 10, new(MinVotes: 1000)),
        ["movies 1966 rated 6.5 or more"] = ("tmdb-movies", 1966, 50, new(MinRating: 6.5)),
        ["top10k 2019 Korean"] = ("tmdb-top10k", 2019, 50, new(Languages: ["ko"])),
        ["top10k 2022 rated 7 with 1000 votes"] = ("tmdb-top10k", 2022, 5, new(MinVotes: 1000, MinRating: 7)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Only_passing_movies_are_ranked_and_counted(string name)
    {
        var (id, year, limit, filter) = Cases[name];
        var answer = (await _client.DataAsync("""
            query($year: Int!, $limit: Int!, $filter: MovieFilter, $dataset: ID) {
              popularity(year: $year, limit: $limit, filter: $filter, dataset: $dataset) {
                year movieCount top { id title popularity voteCount voteAverage originalLanguage status genres } bottom { id }
              }
            }
            """, new { year, limit, filter = filter.Variable(), dataset = id })).GetProperty("popularity");
        var expected = DatasetOracle.Get(id).Popularity(year, limit, filter);

        Assert.Equal(year, answer.GetProperty("year").GetInt32());
        Assert.Equal(expected.MovieCount, answer.GetProperty("movieCount").GetInt32());
        Assert.Equal(expected.Top.Select(movie => movie.Id), Ids(answer.GetProperty("top")));
        Assert.Equal(expected.Bottom.Select(movie => movie.Id), Ids(answer.GetProperty("bottom")));
        foreach (var (movie, shown) in expected.Top.Zip(answer.GetProperty("top").EnumerateArray()))
        {
            Assert.Equal(movie.Title, shown.GetProperty("title").GetString());
            Assert.Equal(movie.Popularity, shown.GetProperty("popularity").GetDouble());
            Assert.Equal(movie.VoteCount, shown.GetProperty("voteCount").GetInt32());
            Assert.Equal(movie.Genres.Order(StringComparer.Ordinal), shown.GetProperty("genres").Strings());
        }
    }

    [Fact]
    public async Task The_ranking_is_the_same_through_the_filter_when_every_movie_passes()
    {
        // Every movie of the top-10K file has a vote count, so minVotes 0 filters nothing: the in-memory ranking must
        // give the stored ranking's answer, movie for movie.
        var unfiltered = await _client.DataAsync("""{ popularity(year: 2021, limit: 50, dataset: "tmdb-top10k") { movieCount top { id title voteAverage genres overview } bottom { id } } }""");
        var filtered = await _client.DataAsync("""{ popularity(year: 2021, limit: 50, filter: { minVotes: 0 }, dataset: "tmdb-top10k") { movieCount top { id title voteAverage genres overview } bottom { id } } }""");

        Assert.Equal(unfiltered.GetRawText(), filtered.GetRawText());
    }

    private static IEnumerable<int> Ids(JsonElement movies) => movies.EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32());
}
