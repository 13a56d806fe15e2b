using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// Every way a <c>movies</c> question can be wrong, through the transport: the code, a message that says what to
/// fix, and the HTTP status (INVALID_CURSOR and the dataset's codes are 400; the older argument codes keep 200).
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class MoviesErrorTests(InProcessApp app)
{
    private const string Query = """
        query($from: Int!, $to: Int!, $genre: String, $filter: MovieFilter, $orderBy: MovieOrder! = POPULARITY_DESC, $first: Int! = 20, $after: String, $dataset: ID) {
          movies(from: $from, to: $to, genre: $genre, filter: $filter, orderBy: $orderBy, first: $first, after: $after, dataset: $dataset) {
            totalCount pageInfo { endCursor } nodes { id }
          }
        }
        """;

    private readonly HttpClient _http = app.CreateHttpClient("graphql");

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task A_page_size_outside_1_to_100_is_INVALID_LIMIT(int first)
    {
        var message = await ErrorAsync(new { from = 2000, to = 2001, first }, "INVALID_LIMIT", HttpStatusCode.OK);

        Assert.Contains($"'first' is {first}", message);
        Assert.Contains("1 and 100", message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task The_page_sizes_at_the_bounds_are_answered(int first)
    {
        var page = await PostAsync(new { from = 2000, to = 2009, first });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(first, page.Body.GetProperty("data").GetProperty("movies").GetProperty("nodes").GetArrayLength());
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("eyJpZCI6NDJ9")]
    public async Task A_cursor_that_is_not_one_is_INVALID_CURSOR(string after)
    {
        var message = await ErrorAsync(new { from = 2000, to = 2001, after }, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("endCursor", message);
    }

    [Fact]
    public async Task A_cursor_much_longer_than_any_is_INVALID_CURSOR()
    {
        await ErrorAsync(new { from = 2000, to = 2001, after = new string('A', 10_000) }, "INVALID_CURSOR", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_altered_cursor_is_INVALID_CURSOR()
    {
        var bytes = Base64Url.DecodeFromChars(await EndCursorAsync("POPULARITY_DESC"));
        // The id's last byte: a cursor edited to point elsewhere must not be read as a position.
        bytes[13] ^= 1;

        var message = await ErrorAsync(new { from = 2000, to = 2009, after = Base64Url.EncodeToString(bytes) }, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("altered", message);
    }

    [Fact]
    public async Task A_cut_cursor_is_INVALID_CURSOR()
    {
        var cursor = await EndCursorAsync("POPULARITY_DESC");

        await ErrorAsync(new { from = 2000, to = 2009, after = cursor[..^4] }, "INVALID_CURSOR", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cursor_of_another_version_is_INVALID_CURSOR_saying_it_is_not_one_of_this_service()
    {
        var bytes = Base64Url.DecodeFromChars(await EndCursorAsync("POPULARITY_DESC"));
        bytes[0] ^= 0x40;

        var message = await ErrorAsync(new { from = 2000, to = 2009, after = Base64Url.EncodeToString(bytes) }, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("not a cursor this service gave out", message);
        Assert.Contains("without 'after'", message);
    }

    [Fact]
    public async Task A_made_up_cursor_is_INVALID_CURSOR_without_internal_details()
    {
        // "abc" decodes to bytes whose first would be read as a layout version.
        var message = await ErrorAsync(new { from = 2000, to = 2009, after = "abc" }, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("not a cursor this service gave out", message);
        Assert.DoesNotContain("version", message);
    }

    [Theory]
    [InlineData("range")]
    [InlineData("genre")]
    [InlineData("filter")]
    [InlineData("dataset")]
    public async Task A_cursor_of_another_list_is_INVALID_CURSOR(string changed)
    {
        var cursor = await EndCursorAsync("POPULARITY_DESC");
        object variables = changed switch
        {
            "range" => new { from = 1990, to = 1991, after = cursor },
            "genre" => new { from = 2000, to = 2009, genre = "Drama", after = cursor },
            "filter" => new { from = 2000, to = 2009, filter = new { minVotes = 10 }, after = cursor },
            _ => new { from = 2000, to = 2009, dataset = "tmdb-top10k", after = cursor },
        };

        var message = await ErrorAsync(variables, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("another list", message);
        Assert.Contains("same query", message);
        Assert.Contains("without 'after'", message);
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_INVALID_CURSOR_naming_both()
    {
        var cursor = await EndCursorAsync("RATING_DESC");

        var message = await ErrorAsync(new { from = 2000, to = 2009, orderBy = "TITLE_ASC", after = cursor }, "INVALID_CURSOR", HttpStatusCode.BadRequest);

        Assert.Contains("RATING_DESC", message);
        Assert.Contains("TITLE_ASC", message);
    }

    [Fact]
    public async Task An_unknown_genre_is_UNKNOWN_GENRE_listing_the_valid_ones()
    {
        var message = await ErrorAsync(new { from = 2000, to = 2001, genre = "Space Opera" }, "UNKNOWN_GENRE", HttpStatusCode.OK);

        Assert.Contains("'Space Opera'", message);
        Assert.Contains("Science Fiction", message);
    }

    [Theory]
    [InlineData(2001, 2000, "INVALID_RANGE")]
    [InlineData(1800, 2001, "RANGE_TOO_LARGE")]
    [InlineData(1799, 1900, "YEAR_OUT_OF_RANGE")]
    [InlineData(2000, 2101, "YEAR_OUT_OF_RANGE")]
    public async Task A_bad_range_is_refused_as_genreTrends_refuses_it(int from, int to, string code)
    {
        await ErrorAsync(new { from, to }, code, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_filter_the_dataset_has_no_data_for_is_FILTER_UNAVAILABLE()
    {
        var filter = new { languages = new[] { "fr" } };

        var message = await ErrorAsync(new { from = 2000, to = 2001, filter, dataset = "tmdb-movies" }, "FILTER_UNAVAILABLE", HttpStatusCode.BadRequest);

        Assert.Contains("languages", message);
    }

    [Fact]
    public async Task A_bad_filter_value_is_INVALID_FILTER()
    {
        await ErrorAsync(new { from = 2000, to = 2001, filter = new { minRating = 11.0 } }, "INVALID_FILTER", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_dataset_is_UNKNOWN_DATASET()
    {
        await ErrorAsync(new { from = 2000, to = 2001, dataset = "imdb" }, "UNKNOWN_DATASET", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_order_is_a_validation_error()
    {
        var response = await PostAsync(new { from = 2000, to = 2001, orderBy = "BUDGET_DESC" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    private async Task<string> EndCursorAsync(string orderBy)
    {
        var page = await PostAsync(new { from = 2000, to = 2009, orderBy, first = 3 });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Body.GetProperty("data").GetProperty("movies").GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
    }

    private async Task<string> ErrorAsync(object variables, string code, HttpStatusCode status)
    {
        var response = await PostAsync(variables);

        Assert.Equal(status, response.Status);
        Assert.Equal(JsonValueKind.Null, response.Body.GetProperty("data").ValueKind);
        var error = Assert.Single(response.Body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object variables)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query = Query, variables });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
