using System.Globalization;
using System.Text.Json.Nodes;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The model's new tools (measures, filters, datasets, drill-down) against a fake provider that speaks the OpenAI wire
/// format, with the tools reading the real catalog database; figures from the raw-CSV oracle.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class LlmMeasureToolTests(InProcessApp app) : IAsyncLifetime
{
    private FakeChatProvider _provider = null!;
    private ChatTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeChatProvider.StartAsync();
        _host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?>
        {
            ["ApiKey"] = $"xai-test-{Guid.NewGuid():N}",
            ["Endpoint"] = _provider.Endpoint.ToString(),
            ["Model"] = "grok-test-model",
            ["RateLimit:BurstLimit"] = "1000",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Offers_the_new_tools_with_their_arguments()
    {
        _provider.ThenReply("Ok.");

        await _host.ChatAsync("What can you do?");

        var tools = _provider.Requests.Single()["tools"]!.AsArray().Select(tool => tool!["function"]!).ToDictionary(function => (string)function["name"]!);
        Assert.Equal(["catalog", "datasets", "genre_ranking", "genre_trends", "movies", "popularity"], tools.Keys.Order());
        foreach (var (tool, arguments) in new[]
        {
            ("genre_trends", new[] { "measure", "languages", "minVotes", "minRating", "releasedOnly", "dataset" }),
            ("genre_ranking", ["measure", "languages", "minVotes", "minRating", "releasedOnly", "dataset"]),
            ("popularity", ["languages", "minVotes", "minRating", "releasedOnly", "dataset"]),
            ("movies", ["genre", "orderBy", "first", "languages", "minVotes", "minRating", "releasedOnly", "dataset"]),
        })
        {
            var properties = tools[tool]["parameters"]!["properties"]!.AsObject();
            Assert.All(arguments, argument => Assert.True(properties.ContainsKey(argument), $"{tool} lacks {argument}"));
        }

        Assert.Equal(["from", "to", "measure"], tools["genre_ranking"]["parameters"]!["required"]!.AsArray().Select(name => (string)name!));
    }

    [Fact]
    public async Task Answers_the_best_return_on_budget_through_genre_ranking_and_cites_the_figures()
    {
        _provider.ThenCallTool("genre_ranking", new { from = 2000, to = 2017, measure = "MEDIAN_ROI" });
        _provider.ThenReply(request =>
        {
            var best = FakeChatProvider.LastToolResult(request)["genres"]!.AsArray().First(genre => (int)genre!["known"]! >= ExpectedAnalysis.MinKnownMovies)!;
            return Invariant($"{best["genre"]}: median return on budget {(double)best["value"]!:0.00} over {best["known"]} movies.");
        });

        var reply = await _host.ChatAsync("Which genre earns the best return on budget since 2000?");

        var best = ExpectedAnalysis.Ranked(Tmdb5000, 2000, 2017, OracleMeasure.MedianRoi)[0];
        Assert.Equal(("LLM", Invariant($"{best.Genre}: median return on budget {best.Value:0.00} over {best.Known} movies.")), (reply.Mode, reply.Message));
        var citation = Assert.Single(reply.Citations);
        Assert.Equal(("genre_ranking", """{"from":2000,"to":2017,"measure":"MEDIAN_ROI"}"""), (citation.Tool, citation.Arguments));
        Assert.Contains(Invariant($"{best.Genre} {ExpectedAnalysis.Ratio(best.Value!.Value)} ({best.Known:N0} of {best.Movies:N0} known)"), citation.Summary);
    }

    [Fact]
    public async Task Lists_the_best_rated_French_dramas_of_the_90s_through_movies()
    {
        _provider.ThenCallTool("movies", new { from = 1990, to = 1999, genre = "Drama", orderBy = "RATING_DESC", first = 5, languages = new[] { "fr" } });
        _provider.ThenReply(request =>
        {
            var result = FakeChatProvider.LastToolResult(request);
            return $"{result["totalCount"]}: " + string.Join(" | ", result["movies"]!.AsArray().Select(movie => (string)movie!["title"]!));
        });

        var reply = await _host.ChatAsync("Show me the best-rated French dramas of the 90s");

        var list = Tmdb5000.MovieList(1990, 1999, "Drama", new OracleFilter(Languages: ["fr"]), OracleOrder.RatingDesc);
        Assert.Equal($"{list.TotalCount}: " + string.Join(" | ", list.Movies.Take(5).Select(movie => movie.Title)), reply.Message);
        var citation = Assert.Single(reply.Citations);
        Assert.Equal(("movies", """{"from":1990,"to":1999,"genre":"Drama","orderBy":"RATING_DESC","first":5,"filter":{"languages":["fr"]}}"""),
            (citation.Tool, citation.Arguments));
        Assert.StartsWith(Invariant($"{list.TotalCount:N0} movies pass the filter; first {Math.Min(5, list.TotalCount)}: {list.Movies[0].Title} ("), citation.Summary);
    }

    [Fact]
    public async Task An_empty_language_list_from_the_model_means_any_language()
    {
        _provider.ThenCallTool("movies", new { from = 1990, to = 1999, genre = "Drama", first = 5, languages = Array.Empty<string>() });
        _provider.ThenReply(request => $"{FakeChatProvider.LastToolResult(request)["totalCount"]}");

        var reply = await _host.ChatAsync("Show me dramas of the 90s");

        Assert.Equal($"{Tmdb5000.MovieList(1990, 1999, "Drama").TotalCount}", reply.Message);
    }

    [Fact]
    public async Task Genre_trends_take_a_measure_a_filter_and_a_dataset()
    {
        _provider.ThenCallTool("genre_trends", new { from = 2000, to = 2010, genres = new[] { "Drama" }, measure = "AVERAGE_RATING", minVotes = 1000, dataset = "tmdb-top10k" });
        _provider.ThenReply(request =>
        {
            var drama = FakeChatProvider.LastToolResult(request)["series"]![0]!;
            return string.Join(" ", drama["values"]!.AsArray().Select(value => value is null ? "null" : ((double)value).ToString("R", CultureInfo.InvariantCulture)))
                + " / " + string.Join(" ", drama["known"]!.AsArray().Select(known => (int)known!));
        });

        var reply = await _host.ChatAsync("How did drama ratings move in the 2000s among well-known movies of the top-rated set?");

        var drama = DatasetOracle.Top10k.GenreTrends(2000, 2010, ["Drama"], OracleMeasure.AverageRating, new OracleFilter(MinVotes: 1000))["Drama"];
        var parts = reply.Message.Split(" / ");
        var values = parts[0].Split(' ').Select(value => value == "null" ? (double?)null : double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(drama.Values.Length, values.Length);
        Assert.All(drama.Values.Zip(values), pair => Assert.Equal(pair.First!.Value, pair.Second!.Value, 9));
        Assert.Equal(string.Join(" ", drama.Known), parts[1]);
        Assert.Equal("""{"from":2000,"to":2010,"genres":["Drama"],"measure":"AVERAGE_RATING","filter":{"minVotes":1000},"dataset":"tmdb-top10k"}""",
            Assert.Single(reply.Citations).Arguments);
    }

    [Fact]
    public async Task Bad_tool_arguments_go_back_to_the_model_as_errors_it_can_correct()
    {
        _provider.ThenCallTool("genre_trends", new { from = 2000, to = 2010, measure = "BEST_ROI" });
        _provider.ThenCallTool("genre_ranking", new { from = 2000, to = 2010, measure = "MEDIAN_ROI", minRating = 11.0 });
        _provider.ThenCallTool("genre_ranking", new { from = 2000, to = 2010, measure = "MEDIAN_ROI", dataset = "tmdb-top10k" });
        _provider.ThenCallTool("popularity", new { year = 2010, dataset = "imdb" });
        _provider.ThenCallTool("movies", new { from = 2000, to = 2010, orderBy = "LOUDEST" });
        _provider.ThenReply(request => string.Join(",", ToolResults(request).Select(result => (string)result["error"]!)));

        var reply = await _host.ChatAsync("Try everything");

        Assert.Equal(("LLM", "INVALID_ARGUMENT,INVALID_FILTER,MEASURE_UNAVAILABLE,UNKNOWN_DATASET,INVALID_ARGUMENT"), (reply.Mode, reply.Message));
        // Every refused call is cited with its code, and the model's next request carries each refusal's message.
        Assert.Equal(
            [("genre_trends", "INVALID_ARGUMENT"), ("genre_ranking", "INVALID_FILTER"), ("genre_ranking", "MEASURE_UNAVAILABLE"), ("popularity", "UNKNOWN_DATASET"), ("movies", "INVALID_ARGUMENT")],
            reply.Citations.Select(citation => (citation.Tool, citation.Summary.Split(':')[0])));
        var messages = ToolResults(_provider.Requests.Last()).Select(result => (string)result["message"]!).ToList();
        Assert.Equal("'BEST_ROI' is no measure; use one of MOVIES, SHARE, AVERAGE_RATING, MEDIAN_RUNTIME, MEDIAN_BUDGET, MEDIAN_REVENUE, TOTAL_REVENUE, MEDIAN_ROI.", messages[0]);
        Assert.Equal("'filter.minRating' is 11; pass a rating between 0 and 10.", messages[1]);
    }

    [Fact]
    public async Task The_datasets_tool_says_what_each_dataset_covers()
    {
        _provider.ThenCallTool("datasets", new { });
        _provider.ThenReply(request => string.Join("; ", FakeChatProvider.LastToolResult(request).AsArray().Select(dataset =>
            $"{dataset!["id"]} {dataset["movieCount"]} {dataset["firstYear"]}-{dataset["lastYear"]} {string.Join(",", dataset["measures"]!.AsArray().Select(measure => (string)measure!))}")));

        var reply = await _host.ChatAsync("Which datasets are there?");

        Assert.Equal(
            string.Join("; ", DatasetOracle.All.Select(dataset =>
                $"{dataset.Id} {dataset.MovieCount} {dataset.FirstYear}-{dataset.LastYear} {string.Join(",", dataset.Measures.Select(measure => measure.GraphQLName()))}")),
            reply.Message);
        Assert.Equal("datasets", Assert.Single(reply.Citations).Tool);
    }

    [Fact]
    public async Task The_prompt_describes_the_views_measure_filter_and_dataset_from_the_servers_own_reads()
    {
        _provider.ThenReply("Ok.");

        await _host.ChatAsync("What stands out?", new
        {
            trendsFrom = 2000, trendsTo = 2010, measure = "AVERAGE_RATING", dataset = "tmdb-top10k", filter = new { languages = new[] { "fr" } },
        });

        var prompt = (string)_provider.Requests.Single()["messages"]![0]!["content"]!;
        var top10k = DatasetOracle.Top10k;
        var largest = top10k.GenreTrends(2000, 2010, measure: OracleMeasure.AverageRating, filter: new OracleFilter(Languages: ["fr"])).Series[0];
        Assert.Contains(Invariant($"Dataset tmdb-top10k (TMDB top rated 10K (up to 2022)): {top10k.MovieCount:N0} movies (0 without a release date), released {top10k.FirstYear}–{top10k.LastYear}; measures MOVIES, SHARE, AVERAGE_RATING; filters languages, minVotes, minRating."), prompt);
        Assert.Contains("Filter: only movies with original language fr; the figures below count those.", prompt);
        Assert.Contains(Invariant($"- Measure shown: average rating (AVERAGE_RATING), per genre 2000 → 2010: {largest.Genre} {Rating(largest.Values[0])} → {Rating(largest.Values[^1])};"), prompt);
    }

    private static string Rating(double? value) => value is { } rating ? Invariant($"{rating:0.00}") : "n/a";

    private static DatasetOracle Tmdb5000 => DatasetOracle.Tmdb5000;

    private static IEnumerable<JsonNode> ToolResults(JsonObject request) =>
        request["messages"]!.AsArray().Where(message => (string?)message!["role"] == "tool").Select(message => JsonNode.Parse((string)message!["content"]!)!);
}
