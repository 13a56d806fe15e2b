using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The three bundled datasets side by side: what <c>datasets</c> says of each, and genreTrends, popularity, genres,
/// catalog and the new Movie fields per dataset, all against the raw-CSV oracle.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class DatasetsTests(InProcessApp app)
{
    private readonly GraphQLTestClient _client = new(app.CreateHttpClient("graphql"));

    public static TheoryData<string> Datasets => [.. DatasetOracle.All.Select(dataset => dataset.Id)];

    [Fact]
    public async Task Datasets_lists_each_file_with_its_movies_years_measures_and_filters()
    {
        var datasets = (await _client.DataAsync(
            "{ datasets { id name movieCount firstYear lastYear measures filters isDefault } }")).GetProperty("datasets");

        Assert.Equal(DatasetOracle.All.Select(dataset => dataset.Id), datasets.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        foreach (var (expected, actual) in DatasetOracle.All.Zip(datasets.EnumerateArray()))
        {
            Assert.Equal(expected.MovieCount, actual.GetProperty("movieCount").GetInt32());
            Assert.Equal(expected.FirstYear, actual.GetProperty("firstYear").GetInt32());
            Assert.Equal(expected.LastYear, actual.GetProperty("lastYear").GetInt32());
            Assert.Equal(expected.Measures.Select(measure => measure.GraphQLName()), actual.GetProperty("measures").Strings());
            Assert.Equal(expected.Filters, actual.GetProperty("filters").Strings());
            Assert.Equal(expected.IsDefault, actual.GetProperty("isDefault").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(actual.GetProperty("name").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Genre_trends_of_each_dataset_match_its_file(string id)
    {
        var dataset = DatasetOracle.Get(id);
        var answer = (await _client.DataAsync("""
            query($from: Int!, $to: Int!, $dataset: ID) {
              genreTrends(from: $from, to: $to, dataset: $dataset) { years totals series { genre counts total } }
            }
            """, new { from = dataset.FirstYear, to = dataset.LastYear, dataset = id })).GetProperty("genreTrends");
        var expected = dataset.GenreTrends(dataset.FirstYear, dataset.LastYear);

        OracleAssert.GenreTrendsCounts(expected, answer);
    }

    [Theory]
    [InlineData("tmdb-5000", 2009, 50)]
    [InlineData("tmdb-movies", 1966, 20)]
    [InlineData("tmdb-movies", 2015, 50)]
    [InlineData("tmdb-top10k", 2022, 50)]
    [InlineData("tmdb-top10k", 1902, 5)]
    public async Task Popularity_of_each_dataset_ranks_on_its_own_scale(string id, int year, int limit)
    {
        var answer = (await _client.DataAsync("""
            query($year: Int!, $limit: Int!, $dataset: ID) {
              popularity(year: $year, limit: $limit, dataset: $dataset) { movieCount top { id } bottom { id } }
            }
            """, new { year, limit, dataset = id })).GetProperty("popularity");
        var expected = DatasetOracle.Get(id).Popularity(year, limit);

        Assert.Equal(expected.MovieCount, answer.GetProperty("movieCount").GetInt32());
        Assert.Equal(expected.Top.Select(movie => movie.Id), Ids(answer.GetProperty("top")));
        Assert.Equal(expected.Bottom.Select(movie => movie.Id), Ids(answer.GetProperty("bottom")));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Genres_and_catalog_of_each_dataset_count_its_own_movies(string id)
    {
        var dataset = DatasetOracle.Get(id);
        var data = await _client.DataAsync("""
            query($dataset: ID) {
              genres(dataset: $dataset) { name movieCount }
              catalog(dataset: $dataset) { movieCount undatedCount genreCount firstYear lastYear sources }
            }
            """, new { dataset = id });
        var expectedGenres = dataset.Movies
            .SelectMany(movie => movie.Genres)
            .GroupBy(genre => genre)
            .Select(group => (Name: group.Key, Count: group.Count()))
            .OrderByDescending(genre => genre.Count).ThenBy(genre => genre.Name, StringComparer.Ordinal);

        Assert.Equal(
            expectedGenres,
            data.GetProperty("genres").EnumerateArray().Select(genre => (genre.GetProperty("name").GetString()!, genre.GetProperty("movieCount").GetInt32())));
        var catalog = data.GetProperty("catalog");
        Assert.Equal(dataset.MovieCount, catalog.GetProperty("movieCount").GetInt32());
        Assert.Equal(dataset.UndatedCount, catalog.GetProperty("undatedCount").GetInt32());
        Assert.Equal(dataset.Genres.Count, catalog.GetProperty("genreCount").GetInt32());
        Assert.Equal(dataset.FirstYear, catalog.GetProperty("firstYear").GetInt32());
        Assert.Equal(dataset.LastYear, catalog.GetProperty("lastYear").GetInt32());
        Assert.Equal([id], catalog.GetProperty("sources").Strings());
    }

    [Theory]
    [InlineData("tmdb-5000", 2009)]
    [InlineData("tmdb-5000", 2016)]
    [InlineData("tmdb-movies", 1999)]
    [InlineData("tmdb-top10k", 2019)]
    public async Task Movies_carry_runtime_money_language_status_and_rating_as_the_file_writes_them(string id, int year)
    {
        var answer = (await _client.DataAsync("""
            query($year: Int!, $dataset: ID) {
              popularity(year: $year, limit: 50, dataset: $dataset) {
                top { id voteAverage voteCount runtime budget revenue originalLanguage status }
              }
            }
            """, new { year, dataset = id })).GetProperty("popularity").GetProperty("top");
        var raw = DatasetOracle.Get(id).Movies.ToDictionary(movie => movie.Id);

        Assert.NotEqual(0, answer.GetArrayLength());
        foreach (var movie in answer.EnumerateArray())
        {
            var expected = raw[movie.GetProperty("id").GetInt32()];
            Assert.Equal(expected.VoteAverage, Number(movie, "voteAverage"));
            Assert.Equal(expected.VoteCount, movie.GetProperty("voteCount").GetInt32());
            // Zero means unknown in these files; a file without the column knows nothing either.
            Assert.Equal(KnownValues.Runtime(expected), Number(movie, "runtime"));
            Assert.Equal(KnownValues.Budget(expected), Number(movie, "budget"));
            Assert.Equal(KnownValues.Revenue(expected), Number(movie, "revenue"));
            Assert.Equal(expected.OriginalLanguage, Text(movie, "originalLanguage"));
            Assert.Equal(expected.Status, Text(movie, "status"));
        }
    }

    [Fact]
    public async Task Avatar_has_the_values_the_data_readme_documents()
    {
        var top = (await _client.DataAsync("""
            { popularity(year: 2009, limit: 50, dataset: "tmdb-5000") { top { id runtime budget revenue originalLanguage status voteAverage } } }
            """)).GetProperty("popularity").GetProperty("top");
        var avatar = top.EnumerateArray().Single(movie => movie.GetProperty("id").GetInt32() == 19995);

        Assert.Equal(162, avatar.GetProperty("runtime").GetInt32());
        Assert.Equal(237000000d, avatar.GetProperty("budget").GetDouble());
        Assert.Equal(2787965087d, avatar.GetProperty("revenue").GetDouble());
        Assert.Equal("en", avatar.GetProperty("originalLanguage").GetString());
        Assert.Equal("Released", avatar.GetProperty("status").GetString());
        Assert.Equal("7.2", avatar.GetProperty("voteAverage").GetRawText());
    }

    [Fact]
    public async Task The_default_dataset_answers_the_same_by_name_and_by_omission()
    {
        var omitted = await _client.PostAsync("{ genreTrends(from: 1990, to: 2000) { series { genre counts } } popularity(year: 1995) { top { id } } genres { name movieCount } }");
        var named = await _client.PostAsync("""{ genreTrends(from: 1990, to: 2000, dataset: "tmdb-5000") { series { genre counts } } popularity(year: 1995, dataset: "tmdb-5000") { top { id } } genres(dataset: "tmdb-5000") { name movieCount } }""");

        Assert.Equal(omitted.GetRawText(), named.GetRawText());
    }

    [Theory]
    [InlineData("""{ genreTrends(from: 2000, to: 2001, dataset: "imdb") { years } }""")]
    [InlineData("""{ popularity(year: 2000, dataset: "imdb") { year } }""")]
    [InlineData("""{ genres(dataset: "imdb") { name } }""")]
    [InlineData("""{ catalog(dataset: "imdb") { movieCount } }""")]
    public async Task An_unknown_dataset_is_a_400_naming_it_and_the_valid_ones(string query)
    {
        using var response = await _client.Http.PostAsJsonAsync("/graphql", new { query });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("UNKNOWN_DATASET", error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'imdb'", message);
        foreach (var dataset in DatasetOracle.All)
        {
            Assert.Contains(dataset.Id, message);
        }
    }

    [Fact]
    public async Task A_genre_another_dataset_has_is_unknown_in_one_without_it()
    {
        var error = await _client.ErrorAsync("""{ genreTrends(from: 2000, to: 2001, genres: ["Documentary"], dataset: "tmdb-top10k") { years } }""");

        Assert.Equal("UNKNOWN_GENRE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("Documentary", DatasetOracle.Top10k.Genres);
    }

    private static IEnumerable<int> Ids(JsonElement movies) => movies.EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32());

    private static double? Number(JsonElement movie, string field) =>
        movie.GetProperty(field) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static string? Text(JsonElement movie, string field) =>
        movie.GetProperty(field) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
