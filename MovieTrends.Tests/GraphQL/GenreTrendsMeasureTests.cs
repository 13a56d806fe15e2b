using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// genreTrends by every measure each dataset lists, with and without filters, against the raw-CSV oracle:
/// counts, totals, known counts and values per genre and year.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class GenreTrendsMeasureTests(InProcessApp app)
{
    private const string Query = """
        query($from: Int!, $to: Int!, $genres: [String!], $measure: TrendMeasure!, $filter: MovieFilter, $dataset: ID) {
          genreTrends(from: $from, to: $to, genres: $genres, measure: $measure, filter: $filter, dataset: $dataset) {
            measure years totals series { genre counts total known values }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    public static TheoryData<string, OracleMeasure> EveryMeasureOfEveryDataset()
    {
        var data = new TheoryData<string, OracleMeasure>();
        foreach (var dataset in DatasetOracle.All)
        {
            foreach (var measure in dataset.Measures)
            {
                data.Add(dataset.Id, measure);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMeasureOfEveryDataset))]
    public async Task Every_measure_over_a_whole_dataset_matches_its_file(string id, OracleMeasure measure)
    {
        var dataset = DatasetOracle.Get(id);

        await AssertMatchesAsync(dataset, dataset.FirstYear, dataset.LastYear, null, measure, null);
    }

    /// <summary>Each filter field alone and combined, per dataset, by name so a failure says which.</summary>
    private static readonly Dictionary<string, (string Dataset, OracleFilter Filter)> Filters = new()
    {
        ["5000 French"] = ("tmdb-5000", new(Languages: ["fr"])),
        ["5000 English or French, any case"] = ("tmdb-5000", new(Languages: ["EN", "Fr", "en"])),
        ["5000 at least 100 votes"] = ("tmdb-5000", new(MinVotes: 100)),
        ["5000 at least 0 votes"] = ("tmdb-5000", new(MinVotes: 0)),
        ["5000 rated 6.1 or more"] = ("tmdb-5000", new(MinRating: 6.1)),
        ["5000 rated 0 or more"] = ("tmdb-5000", new(MinRating: 0)),
        ["5000 released only"] = ("tmdb-5000", new(ReleasedOnly: true)),
        ["5000 released or not"] = ("tmdb-5000", new(ReleasedOnly: false)),
        ["5000 all four"] = ("tmdb-5000", new(Languages: ["en"], MinVotes: 50, MinRating: 6.5, ReleasedOnly: true)),
        ["movies at least 500 votes"] = ("tmdb-movies", new(MinVotes: 500)),
        ["movies rated 7 or more"] = ("tmdb-movies", new(MinRating: 7)),
        ["movies votes and rating"] = ("tmdb-movies", new(MinVotes: 200, MinRating: 6.3)),
        ["top10k Japanese or Korean"] = ("tmdb-top10k", new(Languages: ["ja", "KO"])),
        ["top10k rated 8 or more"] = ("tmdb-top10k", new(MinRating: 8)),
        ["top10k French with 1000 votes"] = ("tmdb-top10k", new(Languages: ["fr"], MinVotes: 1000)),
    };

    public static TheoryData<string, OracleMeasure> EveryMeasureUnderEveryFilter()
    {
        var data = new TheoryData<string, OracleMeasure>();
        foreach (var (name, (dataset, _)) in Filters)
        {
            foreach (var measure in DatasetOracle.Get(dataset).Measures)
            {
                data.Add(name, measure);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMeasureUnderEveryFilter))]
    public async Task Every_measure_under_every_filter_matches_the_file(string filterName, OracleMeasure measure)
    {
        var (id, filter) = Filters[filterName];
        var dataset = DatasetOracle.Get(id);

        await AssertMatchesAsync(dataset, dataset.FirstYear, dataset.LastYear, null, measure, filter);
    }

    [Theory]
    // Requested genres, any case, zeros included: a decade of dramas and comedies.
    [InlineData("tmdb-5000", 2000, 2010, new[] { "drama", "COMEDY" }, OracleMeasure.MedianBudget)]
    [InlineData("tmdb-5000", 2000, 2010, new[] { "Documentary", "Western" }, OracleMeasure.MedianRoi)]
    // The early years: few movies, many without budget or revenue, so null values between known ones.
    [InlineData("tmdb-5000", 1916, 1950, null, OracleMeasure.MedianRevenue)]
    [InlineData("tmdb-5000", 1916, 1950, null, OracleMeasure.MedianRoi)]
    [InlineData("tmdb-5000", 1916, 1950, null, OracleMeasure.AverageRating)]
    // Years with no movie at all: zero counts, null values, no share.
    [InlineData("tmdb-5000", 1850, 1860, new[] { "Drama" }, OracleMeasure.MedianRuntime)]
    [InlineData("tmdb-5000", 1850, 1860, new[] { "Drama" }, OracleMeasure.Share)]
    [InlineData("tmdb-movies", 2010, 2030, null, OracleMeasure.TotalRevenue)]
    [InlineData("tmdb-top10k", 2015, 2030, new[] { "science fiction" }, OracleMeasure.AverageRating)]
    [InlineData("tmdb-top10k", 1902, 1930, null, OracleMeasure.Share)]
    public async Task A_range_with_gaps_has_zero_counts_and_null_values_where_the_file_has_none(
        string id, int from, int to, string[]? genres, OracleMeasure measure)
    {
        await AssertMatchesAsync(DatasetOracle.Get(id), from, to, genres, measure, null);
    }

    [Fact]
    public async Task The_2009_action_median_budget_and_2010_horror_return_on_budget_are_the_files()
    {
        // Figures computed by hand from the raw CSV (see TrendsOracleTests): 44 of 51 action movies have a budget.
        var budget = (await ReadAsync("tmdb-5000", 2009, 2009, ["Action"], OracleMeasure.MedianBudget, null))
            .GetProperty("series")[0];
        var roi = (await ReadAsync("tmdb-5000", 2010, 2010, ["Horror"], OracleMeasure.MedianRoi, null))
            .GetProperty("series")[0];

        Assert.Equal([51], budget.GetProperty("counts").Ints());
        Assert.Equal([44], budget.GetProperty("known").Ints());
        Assert.Equal(40_000_000.0, budget.GetProperty("values")[0].GetDouble());
        Assert.Equal([19], roi.GetProperty("known").Ints());
        Assert.Equal(2.6122560769230767, roi.GetProperty("values")[0].GetDouble(), 12);
    }

    [Theory]
    [InlineData("tmdb-5000")]
    [InlineData("tmdb-top10k")]
    public async Task Movies_through_the_engine_agree_with_the_aggregates(string id)
    {
        // minVotes 0 lets every movie with a vote count through, and every movie of these files has one: the engine
        // then counts what the aggregates count.
        var dataset = DatasetOracle.Get(id);
        Assert.All(dataset.Movies, movie => Assert.NotNull(movie.VoteCount));
        var engine = await ReadAsync(id, dataset.FirstYear, dataset.LastYear, null, OracleMeasure.Movies, new OracleFilter(MinVotes: 0));
        var aggregates = await ReadAsync(id, dataset.FirstYear, dataset.LastYear, null, OracleMeasure.Movies, null);

        Assert.Equal(aggregates.GetProperty("totals").GetRawText(), engine.GetProperty("totals").GetRawText());
        Assert.Equal(aggregates.GetProperty("series").GetRawText(), engine.GetProperty("series").GetRawText());
    }

    [Fact]
    public async Task Without_a_measure_or_filter_the_answer_is_todays_and_an_empty_filter_changes_nothing()
    {
        const string Today = "{ genreTrends(from: 1990, to: 2000) { years totals series { genre counts total } } }";
        const string Explicit = "{ genreTrends(from: 1990, to: 2000, measure: MOVIES, filter: {}) { years totals series { genre counts total } } }";

        var today = await _client.DataAsync(Today);
        var explicitly = await _client.DataAsync(Explicit);
        var withValues = (await _client.DataAsync("{ genreTrends(from: 1990, to: 2000) { measure series { counts values known } } }"))
            .GetProperty("genreTrends");

        Assert.Equal(today.GetRawText(), explicitly.GetRawText());
        Assert.Equal("MOVIES", withValues.GetProperty("measure").GetString());
        Assert.All(withValues.GetProperty("series").EnumerateArray(), series =>
        {
            Assert.Equal(series.GetProperty("counts").Ints(), series.GetProperty("known").Ints());
            Assert.Equal(series.GetProperty("counts").Ints().Select(count => (double)count),
                series.GetProperty("values").EnumerateArray().Select(value => value.GetDouble()));
        });
    }

    private async Task<System.Text.Json.JsonElement> ReadAsync(
        string id, int from, int to, string[]? genres, OracleMeasure measure, OracleFilter? filter) =>
        (await _client.DataAsync(Query, new
        {
            from,
            to,
            genres,
            measure = measure.GraphQLName(),
            filter = filter?.Variable(),
            dataset = id,
        })).GetProperty("genreTrends");

    private async Task AssertMatchesAsync(
        DatasetOracle dataset, int from, int to, string[]? genres, OracleMeasure measure, OracleFilter? filter)
    {
        var answer = await ReadAsync(dataset.Id, from, to, genres, measure, filter);

        OracleAssert.GenreTrendsMeasure(dataset.GenreTrends(from, to, genres, measure, filter), answer);
    }
}
