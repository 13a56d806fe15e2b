using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The analysis arguments refused: a bad filter value (INVALID_FILTER), a filter field or measure the dataset has no
/// data for (FILTER_UNAVAILABLE, MEASURE_UNAVAILABLE), each a 400 through the transport with a message naming what
/// to fix. Which dataset lacks what comes from the files' columns (data/README.md), through the oracle.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class AnalysisErrorTests(InProcessApp app)
{
    private readonly HttpClient _http = app.CreateHttpClient("graphql");

    public static TheoryData<string, string[]> InvalidFilters => new()
    {
        { "filter: { minVotes: -1 }", ["minVotes", "-1", "0 or more"] },
        { "filter: { minRating: 11 }", ["minRating", "11", "between 0 and 10"] },
        { "filter: { minRating: -0.5 }", ["minRating", "-0.5", "between 0 and 10"] },
        { "filter: { languages: [\"en\", \"\"] }", ["languages", "empty"] },
        { "filter: { languages: [\"  \"] }", ["languages", "empty"] },
        { "filter: { languages: [] }", ["languages", "empty list", "leave 'languages' out"] },
        { $"filter: {{ languages: [\"en\", \"{new string('x', 5000)}\"] }}", ["languages", "'xxxxxxxxxx", "(5,000 characters)", "at most 8"] },
        { "filter: { languages: [\"abcdefghi\"] }", ["languages", "'abcdefghi'", "at most 8"] },
        { $"filter: {{ languages: [{string.Join(", ", Enumerable.Repeat("\"en\"", 51))}] }}", ["languages", "51", "at most 50"] },
    };

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public async Task A_bad_filter_value_is_INVALID_FILTER_naming_the_field_and_its_range(string argument, string[] named)
    {
        foreach (var query in new[]
        {
            $"{{ genreTrends(from: 2000, to: 2010, measure: MEDIAN_BUDGET, {argument}) {{ years }} }}",
            $"{{ popularity(year: 2000, {argument}) {{ year }} }}",
        })
        {
            var (status, code, message) = await RefusalAsync(query);

            Assert.Equal((HttpStatusCode.BadRequest, "INVALID_FILTER"), (status, code));
            Assert.All(named, text => Assert.Contains(text, message));
        }
    }

    /// <summary>
    /// A rating that is no finite number never reaches the filter's own check: GraphQL's Float refuses it while the
    /// document is validated, as a 400 that names the argument. NaN-safe comparisons back this up in the check itself.
    /// </summary>
    [Theory]
    [InlineData("query { genreTrends(from: 2000, to: 2001, filter: { minRating: 1e400 }) { years } }", null)]
    [InlineData("query($filter: MovieFilter) { genreTrends(from: 2000, to: 2001, filter: $filter) { years } }", "NaN")]
    [InlineData("query($filter: MovieFilter) { popularity(year: 2000, filter: $filter) { year } }", "Infinity")]
    public async Task A_rating_that_is_not_a_finite_number_is_refused_before_it_runs_naming_the_argument(string query, string? rating)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query, variables = new { filter = new { minRating = rating } } });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("minRating", body);
        Assert.DoesNotContain("\"data\"", body);
    }

    [Theory]
    [InlineData("tmdb-movies", "languages: [\"en\"]", "languages")]
    [InlineData("tmdb-movies", "releasedOnly: true", "releasedOnly")]
    [InlineData("tmdb-top10k", "releasedOnly: false", "releasedOnly")]
    public async Task A_filter_field_the_dataset_has_no_data_for_is_FILTER_UNAVAILABLE(string id, string field, string name)
    {
        Assert.DoesNotContain(name, DatasetOracle.Get(id).Filters);
        foreach (var query in new[]
        {
            $$"""{ genreTrends(from: 2000, to: 2010, filter: { {{field}} }, dataset: "{{id}}") { years } }""",
            $$"""{ popularity(year: 2000, filter: { {{field}} }, dataset: "{{id}}") { year } }""",
        })
        {
            var (status, code, message) = await RefusalAsync(query);

            Assert.Equal((HttpStatusCode.BadRequest, "FILTER_UNAVAILABLE"), (status, code));
            Assert.Contains($"'{id}'", message);
            Assert.Contains(name, message);
            Assert.All(DatasetOracle.Get(id).Filters, available => Assert.Contains(available, message));
        }
    }

    public static TheoryData<string, string> UnavailableMeasures()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in DatasetOracle.All)
        {
            foreach (var measure in Enum.GetValues<OracleMeasure>().Except(dataset.Measures))
            {
                data.Add(dataset.Id, measure.GraphQLName());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnavailableMeasures))]
    public async Task A_measure_the_dataset_has_no_data_for_is_MEASURE_UNAVAILABLE(string id, string measure)
    {
        var (status, code, message) = await RefusalAsync(
            $$"""{ genreTrends(from: 2000, to: 2010, measure: {{measure}}, dataset: "{{id}}") { years } }""");

        Assert.Equal((HttpStatusCode.BadRequest, "MEASURE_UNAVAILABLE"), (status, code));
        Assert.Contains(measure, message);
        Assert.Contains($"'{id}'", message);
    }

    [Fact]
    public async Task The_top10k_file_lacks_money_and_runtime_so_some_measure_is_unavailable()
    {
        // Guards the theory above from running empty: data/README.md says the top-10K file has no budget, revenue or runtime.
        Assert.NotEmpty(UnavailableMeasures());
        Assert.DoesNotContain(OracleMeasure.MedianBudget, DatasetOracle.Top10k.Measures);
        var (status, code, _) = await RefusalAsync("""{ genreTrends(from: 2000, to: 2010, measure: MEDIAN_ROI, dataset: "tmdb-top10k") { years } }""");
        Assert.Equal((HttpStatusCode.BadRequest, "MEASURE_UNAVAILABLE"), (status, code));
    }

    [Fact]
    public async Task The_old_checks_still_apply_to_a_question_with_a_measure_and_filter()
    {
        var (_, range, _) = await RefusalAsync("{ genreTrends(from: 2010, to: 2000, measure: SHARE, filter: { minVotes: 1 }) { years } }");
        var genre = await RefusalAsync("""{ genreTrends(from: 2000, to: 2010, genres: ["Cowboy Opera"], measure: SHARE) { years } }""");
        var limit = await RefusalAsync("{ popularity(year: 2000, limit: 51, filter: { minVotes: 1 }) { year } }");

        Assert.Equal("INVALID_RANGE", range);
        Assert.Equal("UNKNOWN_GENRE", genre.Code);
        Assert.Equal("INVALID_LIMIT", limit.Code);
    }

    private async Task<(HttpStatusCode Status, string Code, string Message)> RefusalAsync(string query)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors")[0];
        return (response.StatusCode, error.GetProperty("extensions").GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}
