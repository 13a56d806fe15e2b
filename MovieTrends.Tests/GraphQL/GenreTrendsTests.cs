using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class GenreTrendsTests(InProcessApp app)
{
    private const string TrendsQuery = """
        query Trends($from: Int!, $to: Int!, $genres: [String!]) {
          genreTrends(from: $from, to: $to, genres: $genres) { from to years totals series { genre counts total } }
        }
        """;

    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    [Theory]
    [InlineData(2000, 2010)]
    [InlineData(1916, 1935)]
    [InlineData(2015, 2017)]
    [InlineData(1995, 1995)]
    [InlineData(1900, 2099)]
    public async Task Every_genre_with_movies_in_the_range_gets_its_yearly_counts(int from, int to)
    {
        var trends = (await _client.DataAsync(TrendsQuery, new { from, to })).GetProperty("genreTrends");

        var years = Enumerable.Range(from, to - from + 1).ToArray();
        Assert.Equal(from, trends.GetProperty("from").GetInt32());
        Assert.Equal(to, trends.GetProperty("to").GetInt32());
        Assert.Equal(years, trends.GetProperty("years").Ints());
        Assert.Equal(ExpectedTotals(years), trends.GetProperty("totals").Ints());

        var expected = RawTmdbData.Dated
            .Where(movie => movie.Year >= from && movie.Year <= to)
            .SelectMany(movie => movie.Genres)
            .Distinct()
            .Select(genre => ExpectedSeries(genre, years))
            .OrderByDescending(series => series.Total)
            .ThenBy(series => series.Genre, StringComparer.Ordinal)
            .ToArray();
        AssertSeries(expected, trends);
    }

    [Fact]
    public async Task A_genre_filter_returns_exactly_the_requested_genres_in_the_catalog_spelling()
    {
        var years = Enumerable.Range(2000, 6).ToArray();
        var trends = (await _client.DataAsync(
            TrendsQuery, new { from = 2000, to = 2005, genres = new[] { "western", "Science Fiction", "ACTION", "Action" } }))
            .GetProperty("genreTrends");

        var expected = new[] { "Action", "Science Fiction", "Western" }
            .Select(genre => ExpectedSeries(genre, years))
            .OrderByDescending(series => series.Total)
            .ThenBy(series => series.Genre, StringComparer.Ordinal)
            .ToArray();
        AssertSeries(expected, trends);
        // Totals count every dated movie of the year, whatever the filter.
        Assert.Equal(ExpectedTotals(years), trends.GetProperty("totals").Ints());
    }

    [Fact]
    public async Task Requested_genres_without_movies_in_the_range_are_zeros()
    {
        var trends = (await _client.DataAsync(TrendsQuery, new { from = 2017, to = 2017, genres = new[] { "Drama", "Western" } }))
            .GetProperty("genreTrends");

        var dramas2017 = RawTmdbData.Dated.Count(movie => movie.Year == 2017 && movie.Genres.Contains("Drama"));
        Assert.Equal(1, dramas2017);
        Assert.Equal(["Drama", "Western"], trends.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("genre").GetString()));
        Assert.Equal([1], trends.GetProperty("series")[0].GetProperty("counts").Ints());
        Assert.Equal([0], trends.GetProperty("series")[1].GetProperty("counts").Ints());
        Assert.Equal(0, trends.GetProperty("series")[1].GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Years_without_data_are_zeros_not_errors()
    {
        var trends = (await _client.DataAsync(TrendsQuery, new { from = 1850, to = 1855 })).GetProperty("genreTrends");

        Assert.Equal([1850, 1851, 1852, 1853, 1854, 1855], trends.GetProperty("years").Ints());
        Assert.Equal([0, 0, 0, 0, 0, 0], trends.GetProperty("totals").Ints());
        Assert.Equal(0, trends.GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task The_thin_year_2017_has_one_movie()
    {
        var trends = (await _client.DataAsync(TrendsQuery, new { from = 2016, to = 2017 })).GetProperty("genreTrends");

        Assert.Equal(1, RawTmdbData.Dated.Count(movie => movie.Year == 2017));
        Assert.Equal(ExpectedTotals([2016, 2017]), trends.GetProperty("totals").Ints());
        Assert.Equal(1, trends.GetProperty("totals")[1].GetInt32());
    }

    private static int[] ExpectedTotals(int[] years) =>
        [.. years.Select(year => RawTmdbData.Dated.Where(movie => movie.Year == year).Select(movie => movie.Id).Distinct().Count())];

    private static (string Genre, int[] Counts, int Total) ExpectedSeries(string genre, int[] years)
    {
        var counts = years
            .Select(year => RawTmdbData.Dated.Count(movie => movie.Year == year && movie.Genres.Contains(genre)))
            .ToArray();
        return (genre, counts, counts.Sum());
    }

    private static void AssertSeries((string Genre, int[] Counts, int Total)[] expected, System.Text.Json.JsonElement trends)
    {
        var actual = trends.GetProperty("series").EnumerateArray()
            .Select(series => (
                series.GetProperty("genre").GetString()!,
                series.GetProperty("counts").Ints(),
                series.GetProperty("total").GetInt32()))
            .ToArray();
        Assert.Equal(expected.Select(s => s.Genre), actual.Select(s => s.Item1));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Counts, actual[i].Item2);
            Assert.Equal(expected[i].Total, actual[i].Item3);
        }
    }
}
