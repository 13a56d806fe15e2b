using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// An unknown dataset or genre is named in the error so the client recognises its mistake, but a long one only in
/// part: a client that sends a 3,000-character id must not get 3,000 characters back in the message.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LongUnknownNamesTests(InProcessApp app)
{
    private static readonly string LongName = "Nope" + new string('x', 2_996);

    private readonly HttpClient _http = app.CreateHttpClient("graphql");

    public static TheoryData<string, string, string> Questions => new()
    {
        { "query($name: ID) { genres(dataset: $name) { name } }", "UNKNOWN_DATASET", "Valid datasets: tmdb-5000, tmdb-movies, tmdb-top10k." },
        { "query($name: ID) { genreTrends(from: 2000, to: 2001, dataset: $name) { years } }", "UNKNOWN_DATASET", "Valid datasets: tmdb-5000, tmdb-movies, tmdb-top10k." },
        { "query($name: String!) { genreTrends(from: 2000, to: 2001, genres: [$name]) { years } }", "UNKNOWN_GENRE", "Valid genres: Action, " },
        { "query($name: String) { movies(from: 2000, to: 2001, genre: $name) { totalCount } }", "UNKNOWN_GENRE", "Valid genres: Action, " },
        { """mutation($name: ID) { chat(input: { message: "top movies of 2000", view: { dataset: $name } }) { message } }""", "UNKNOWN_DATASET", "Valid datasets: tmdb-5000, tmdb-movies, tmdb-top10k." },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_long_unknown_name_is_quoted_in_part_with_its_length(string query, string code, string validOnes)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query, variables = new { name = LongName } });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors").EnumerateArray().Single();
        var message = error.GetProperty("message").GetString()!;

        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"'{LongName[..40]}…' (3,000 characters)", message);
        Assert.Contains(validOnes, message);
        Assert.True(message.Length < 400, $"The message has {message.Length} characters: {message[..Math.Min(200, message.Length)]}");
    }

    [Fact]
    public async Task A_short_unknown_name_is_quoted_whole()
    {
        using var response = await _http.PostAsJsonAsync(
            "/graphql", new { query = "query($name: ID) { genres(dataset: $name) { name } }", variables = new { name = "imdb" } });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.StartsWith("Unknown dataset 'imdb'. Valid datasets: ", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
