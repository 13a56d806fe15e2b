using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The <c>movies</c> drill-down against the raw-CSV oracle's list: first pages in every order, with and without a
/// genre and a filter, on every dataset; every page of a list walked with <c>after</c>; totalCount.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MoviesTests(InProcessApp app)
{
    private const string Query = """
        query($from: Int!, $to: Int!, $genre: String, $filter: MovieFilter, $orderBy: MovieOrder!, $first: Int!, $after: String, $dataset: ID) {
          movies(from: $from, to: $to, genre: $genre, filter: $filter, orderBy: $orderBy, first: $first, after: $after, dataset: $dataset) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id title year popularity voteAverage revenue genres }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    public static TheoryData<string, OracleOrder, bool, bool> EveryOrderOfEveryDataset()
    {
        var data = new TheoryData<string, OracleOrder, bool, bool>();
        foreach (var dataset in DatasetOracle.All)
        {
            foreach (var order in Enum.GetValues<OracleOrder>())
            {
                foreach (var withGenre in new[] { false, true })
                {
                    foreach (var withFilter in new[] { false, true })
                    {
                        data.Add(dataset.Id, order, withGenre, withFilter);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOrderOfEveryDataset))]
    public async Task The_first_page_is_the_head_of_the_files_list(string id, OracleOrder order, bool withGenre, bool withFilter)
    {
        var dataset = DatasetOracle.Get(id);
        var genre = withGenre ? "drama" : null;
        var filter = withFilter ? FilterOf(dataset) : null;
        var expected = dataset.MovieList(dataset.FirstYear, dataset.LastYear, genre, filter, order);

        var page = await PageAsync(dataset, dataset.FirstYear, dataset.LastYear, genre, filter, order, first: 25, after: null);

        Assert.Equal(expected.TotalCount, page.GetProperty("totalCount").GetInt32());
        var head = expected.Pages(25)[0];
        AssertNodes(head.Nodes, page.GetProperty("nodes"));
        Assert.Equal(head.HasNextPage, page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    public static TheoryData<string, OracleOrder> EveryOrderOfEveryDatasetToWalk()
    {
        var data = new TheoryData<string, OracleOrder>();
        foreach (var dataset in DatasetOracle.All)
        {
            foreach (var order in Enum.GetValues<OracleOrder>())
            {
                data.Add(dataset.Id, order);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOrderOfEveryDatasetToWalk))]
    public async Task Walking_every_page_gives_the_whole_list_once_in_order(string id, OracleOrder order)
    {
        var dataset = DatasetOracle.Get(id);
        var filter = FilterOf(dataset);
        // A decade of comedies with some votes: a few hundred movies, so a walk is tens of pages with ties in it.
        var expected = dataset.MovieList(1995, 2004, "Comedy", filter, order);
        Assert.True(expected.TotalCount > 3 * 17, $"{id} has only {expected.TotalCount} movies to walk");

        var walked = new List<int>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(dataset, 1995, 2004, "COMEDY", filter, order, first: 17, after);
            Assert.Equal(expected.TotalCount, page.GetProperty("totalCount").GetInt32());
            var expectedPage = expected.Pages(17)[pages++];
            AssertNodes(expectedPage.Nodes, page.GetProperty("nodes"));
            walked.AddRange(page.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("id").GetInt32()));
            var pageInfo = page.GetProperty("pageInfo");
            Assert.Equal(expectedPage.HasNextPage, pageInfo.GetProperty("hasNextPage").GetBoolean());
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = pageInfo.GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected.Movies.Select(movie => movie.Id), walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_reads_on_in_the_same_list_written_differently()
    {
        var dataset = DatasetOracle.Tmdb5000;
        var expected = dataset.MovieList(1995, 2004, "Comedy", new OracleFilter(Languages: ["en", "fr"]), OracleOrder.RatingDesc);
        var first = await PageAsync(dataset, 1995, 2004, "Comedy", new OracleFilter(Languages: ["EN", "fr"]), OracleOrder.RatingDesc, first: 17, after: null);

        // Genre and languages in another case, languages in another order and repeated, another page size.
        var second = await PageAsync(dataset, 1995, 2004, "COMEDY", new OracleFilter(Languages: ["FR", "en", "fr"]), OracleOrder.RatingDesc, first: 10,
            first.GetProperty("pageInfo").GetProperty("endCursor").GetString());

        AssertNodes([.. expected.Movies.Skip(17).Take(10)], second.GetProperty("nodes"));
    }

    [Fact]
    public async Task The_page_after_the_last_is_empty_with_no_cursor()
    {
        var dataset = DatasetOracle.Tmdb5000;
        var expected = dataset.MovieList(2016, 2017, "Western");
        Assert.InRange(expected.TotalCount, 1, 100);
        var last = await PageAsync(dataset, 2016, 2017, "Western", null, OracleOrder.PopularityDesc, first: 100, after: null);
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var beyond = await PageAsync(dataset, 2016, 2017, "Western", null, OracleOrder.PopularityDesc, first: 100,
            last.GetProperty("pageInfo").GetProperty("endCursor").GetString());

        Assert.Equal(expected.TotalCount, beyond.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, beyond.GetProperty("nodes").GetArrayLength());
        Assert.False(beyond.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, beyond.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task The_defaults_are_twenty_movies_by_popularity_of_the_default_dataset()
    {
        var expected = DatasetOracle.Tmdb5000.MovieList(2000, 2009).Pages(20)[0];

        var page = (await _client.DataAsync("{ movies(from: 2000, to: 2009) { nodes { id title year popularity voteAverage revenue genres } } }"))
            .GetProperty("movies");

        AssertNodes(expected.Nodes, page.GetProperty("nodes"));
    }

    /// <summary>Every filter field the dataset has data for, languages asked in another case than the file's.</summary>
    private static OracleFilter FilterOf(DatasetOracle dataset) => new(
        Languages: dataset.Filters.Contains("languages") ? ["EN", "fr"] : null,
        MinVotes: 20,
        MinRating: dataset.Filters.Contains("minRating") ? 5.5 : null,
        ReleasedOnly: dataset.Filters.Contains("releasedOnly") ? true : null);

    private async Task<JsonElement> PageAsync(
        DatasetOracle dataset, int from, int to, string? genre, OracleFilter? filter, OracleOrder order, int first, string? after) =>
        (await _client.DataAsync(Query, new
        {
            from,
            to,
            genre,
            filter = filter?.Variable(),
            orderBy = order.GraphQLName(),
            first,
            after,
            dataset = dataset.Id,
        })).GetProperty("movies");

    private static void AssertNodes(IReadOnlyList<RawTmdbMovie> expected, JsonElement nodes)
    {
        Assert.Equal(expected.Select(movie => movie.Id), nodes.EnumerateArray().Select(node => node.GetProperty("id").GetInt32()));
        foreach (var (movie, node) in expected.Zip(nodes.EnumerateArray()))
        {
            Assert.Equal(movie.Title, node.GetProperty("title").GetString());
            Assert.Equal(movie.Year, node.GetProperty("year").GetInt32());
            Assert.Equal(movie.Popularity, node.GetProperty("popularity").GetDouble());
            Assert.Equal(movie.Genres.Order(StringComparer.Ordinal), node.GetProperty("genres").Strings().Order(StringComparer.Ordinal));
        }
    }
}
