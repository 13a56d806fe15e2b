using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The offline analyst with measures, filters, datasets and drill-down, through the real chat mutation; every figure
/// comes from the raw-CSV oracle.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class OfflineMeasureTests(InProcessApp app) : IAsyncLifetime
{
    private static readonly DatasetOracle Tmdb5000 = DatasetOracle.Tmdb5000;

    private ChatTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "1000" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Which_genre_earns_the_best_return_on_budget_since_2000()
    {
        var reply = await _host.ChatAsync("Which genre earns the best return on budget since 2000?");

        // "Since 2000" runs to the dataset's last year.
        Assert.Equal(2017, Tmdb5000.LastYear);
        var ranked = ExpectedAnalysis.Ranked(Tmdb5000, 2000, 2017, OracleMeasure.MedianRoi);
        var best = ranked[0];
        Assert.Equal("OFFLINE", reply.Mode);
        Assert.StartsWith(
            Invariant($"Between 2000 and 2017, {best.Genre} has the highest median return on budget (revenue ÷ budget): {best.Genre} {ExpectedAnalysis.Ratio(best.Value!.Value)} ({best.Known:N0} movies). Next: {ranked[1].Genre} {ExpectedAnalysis.Ratio(ranked[1].Value!.Value)} ({ranked[1].Known:N0} movies);"),
            reply.Message);
        Assert.Contains(Invariant($"The lowest: {ranked[^1].Genre} {ExpectedAnalysis.Ratio(ranked[^1].Value!.Value)}"), reply.Message);
        Assert.Contains("Genres with fewer than 10 movies with both budget and revenue known are left out.", reply.Message);

        var ranking = reply.Citations.Single(citation => citation.Tool == "genre_ranking");
        Assert.Equal("""{"from":2000,"to":2017,"measure":"MEDIAN_ROI"}""", ranking.Arguments);
        Assert.Contains(Invariant($"{best.Genre} {ExpectedAnalysis.Ratio(best.Value!.Value)} ({best.Known:N0} of {best.Movies:N0} known)"), ranking.Summary);
    }

    [Theory]
    [InlineData("", "tmdb-5000")]
    [InlineData(" in the 10k top-rated set", "tmdb-top10k")]
    public async Task Show_me_the_best_rated_French_dramas_of_the_90s(string inDataset, string dataset)
    {
        var reply = await _host.ChatAsync($"Show me the best-rated French dramas of the 90s{inDataset}");

        // tmdb-5000 has one (The Messenger, 1999); the top-rated set has dozens.
        var list = DatasetOracle.Get(dataset).MovieList(1990, 1999, "Drama", new OracleFilter(Languages: ["fr"]), OracleOrder.RatingDesc);
        var shown = list.Movies.Take(10).ToList();
        Assert.NotEmpty(shown);
        var items = shown.Select((movie, i) => Invariant($"{i + 1}. {movie.Title} ({movie.Year}, rated {movie.VoteAverage:0.0} by {movie.VoteCount:N0} votes)"));
        Assert.StartsWith(
            Invariant($"Best-rated Drama movies released 1990–1999 ({shown.Count} of {list.TotalCount:N0} Drama movies that pass the filter): {string.Join("; ", items)}."),
            reply.Message);
        Assert.EndsWith("Filter: original language fr.", reply.Message);

        var citation = Assert.Single(reply.Citations);
        var datasetArgument = dataset == "tmdb-5000" ? "" : $$""","dataset":"{{dataset}}" """.TrimEnd();
        Assert.Equal(("movies", $$"""{"from":1990,"to":1999,"genre":"Drama","orderBy":"RATING_DESC","first":10,"filter":{"languages":["fr"]}{{datasetArgument}}}"""),
            (citation.Tool, citation.Arguments));
        Assert.StartsWith(Invariant($"{list.TotalCount:N0} movies pass the filter; first {shown.Count}: {shown[0].Title} ({shown[0].Year}, rated {shown[0].VoteAverage:0.0}"), citation.Summary);
    }

    [Fact]
    public async Task And_which_shrank_the_most_reuses_the_range_and_the_measure()
    {
        var first = await _host.ChatAsync("Which genre has the highest median budget between 2000 and 2010?");
        var followUp = await _host.ChatAsync("and which shrank the most?", conversationId: first.ConversationId);

        var shrinking = ExpectedAnalysis.FastestShrinking(Tmdb5000, 2000, 2010, OracleMeasure.MedianBudget)!.Value;
        Assert.StartsWith(
            Invariant($"{shrinking.Genre}'s median budget shrank most between 2000 and 2010: {shrinking.Genre}: {ExpectedAnalysis.Dollars(shrinking.From)} in 2000 ({shrinking.FromKnown} movies), {ExpectedAnalysis.Dollars(shrinking.To)} in 2010 ({shrinking.ToKnown} movies); change -{ExpectedAnalysis.Dollars(shrinking.From - shrinking.To)}."),
            followUp.Message);
        Assert.Equal(("genre_trends", """{"from":2000,"to":2010,"genres":null,"measure":"MEDIAN_BUDGET"}"""),
            (followUp.Citations[0].Tool, followUp.Citations[0].Arguments));
    }

    [Fact]
    public async Task A_follow_up_of_since_2000_keeps_the_open_range_and_the_return_on_budget()
    {
        var first = await _host.ChatAsync("Which genre earns the best return on budget since 2000?");
        var followUp = await _host.ChatAsync("and which shrank the most?", new { trendsFrom = 1980, trendsTo = 1990 }, first.ConversationId);

        var trends = followUp.Citations.Single(citation => citation.Tool == "genre_trends");
        Assert.Equal("""{"from":2000,"to":2017,"genres":null,"measure":"MEDIAN_ROI"}""", trends.Arguments);
        var shrinking = ExpectedAnalysis.FastestShrinking(Tmdb5000, 2000, 2017, OracleMeasure.MedianRoi);
        Assert.StartsWith(
            shrinking is { } change
                ? Invariant($"{change.Genre}'s median return on budget (revenue ÷ budget) shrank most between 2000 and 2017: {change.Genre}: {ExpectedAnalysis.Ratio(change.From)} in 2000")
                : "No genre's median return on budget (revenue ÷ budget) shrank between 2000 and 2017.",
            followUp.Message);
    }

    [Fact]
    public async Task Counts_with_a_rating_and_votes_filter_in_the_top_rated_dataset()
    {
        var reply = await _host.ChatAsync("How many movies rated 7+ with at least 1,000 votes came out in 2010 in the 10k top-rated set?");

        var filter = new OracleFilter(MinVotes: 1000, MinRating: 7);
        var expected = DatasetOracle.Top10k.GenreTrends(2010, 2010, filter: filter).Totals.Sum();
        Assert.True(expected > 0);
        Assert.Equal(
            Invariant($"{expected:N0} movies that pass the filter were released in 2010. Dataset: tmdb-top10k. Filter: at least 1,000 votes, rated 7 or more."),
            reply.Message);
        Assert.Equal("""{"from":2010,"to":2010,"genres":null,"filter":{"minVotes":1000,"minRating":7},"dataset":"tmdb-top10k"}""", reply.Citations[0].Arguments);
    }

    [Fact]
    public async Task The_views_measure_and_dataset_are_the_defaults()
    {
        var reply = await _host.ChatAsync("Which genre ranks highest?",
            new { trendsFrom = 1990, trendsTo = 1999, measure = "MEDIAN_RUNTIME", dataset = "tmdb-movies" });

        var best = ExpectedAnalysis.Ranked(DatasetOracle.TmdbMovies, 1990, 1999, OracleMeasure.MedianRuntime)[0];
        Assert.StartsWith(Invariant($"Between 1990 and 1999, {best.Genre} has the highest median runtime: {best.Genre} {best.Value:0.#} min ({best.Known:N0} movies)."), reply.Message);
        Assert.EndsWith("Dataset: tmdb-movies.", reply.Message);
    }

    [Fact]
    public async Task A_measure_the_dataset_cannot_answer_is_said_plainly()
    {
        var reply = await _host.ChatAsync("Which genre has the best return on budget in the 10k top-rated set?");

        Assert.StartsWith("I can't answer that as asked: Dataset 'tmdb-top10k' has no data for the measure MEDIAN_ROI; its measures: MOVIES, SHARE, AVERAGE_RATING.", reply.Message);
        Assert.StartsWith("MEASURE_UNAVAILABLE:", reply.Citations.Single(citation => citation.Tool == "genre_ranking").Summary);
    }

    [Fact]
    public async Task A_view_with_a_bad_filter_is_refused_before_anything_is_read()
    {
        var response = await _host.ChatAsync("summarize this view", new { trendsFrom = 2000, trendsTo = 2010, filter = new { minRating = 11.0 } });

        Assert.Equal("INVALID_FILTER", response.ErrorCode);
    }
}
