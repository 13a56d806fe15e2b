using MovieTrends.Tests.Infrastructure;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>The offline analyst (no provider key) through the real GraphQL mutation, checked against the raw CSV.</summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class OfflineAnalystTests(InProcessApp app) : IAsyncLifetime
{
    private ChatTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "1000" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(2010)]
    [InlineData(1995)]
    [InlineData(1977)]
    public async Task Names_the_most_popular_movie_of_a_year(int year)
    {
        var reply = await _host.ChatAsync($"What was the most popular movie in {year}?");

        var top = ExpectedFigures.MostPopular(year);
        Assert.Equal("OFFLINE", reply.Mode);
        Assert.StartsWith(
            Invariant($"The most popular movie of {year} is {top.Title} (TMDB popularity {top.Popularity:0.##}), out of {ExpectedFigures.Movies(year):N0} dated movies that year."),
            reply.Message);
        var citation = Assert.Single(reply.Citations);
        Assert.Equal(("popularity", Invariant($$"""{"year":{{year}},"limit":1}""")), (citation.Tool, citation.Arguments));
    }

    [Fact]
    public async Task In_2010_that_is_Inception_among_225_dated_movies()
    {
        var reply = await _host.ChatAsync("most popular movie of 2010");

        Assert.Contains("Inception (TMDB popularity 167.58), out of 225 dated movies", reply.Message);
    }

    [Fact]
    public async Task Names_the_least_popular_movie_of_a_year()
    {
        var reply = await _host.ChatAsync("Which was the least popular film of 1995?");

        var bottom = ExpectedFigures.LeastPopular(1995);
        Assert.StartsWith(Invariant($"The least popular movie of 1995 is {bottom.Title} (TMDB popularity {bottom.Popularity:0.##})"), reply.Message);
    }

    [Fact]
    public async Task Takes_the_year_from_the_view_when_the_question_has_none()
    {
        var reply = await _host.ChatAsync("Who is the most popular?", new { popularityYear = 2003 });

        Assert.StartsWith($"The most popular movie of 2003 is {ExpectedFigures.MostPopular(2003).Title} ", reply.Message);
    }

    [Theory]
    [InlineData("How many dramas were released between 2000 and 2009?", "Drama", 2000, 2009)]
    [InlineData("how many horror movies in 2010", "Horror", 2010, 2010)]
    [InlineData("Number of science fiction films in the 1980s", "Science Fiction", 1980, 1989)]
    public async Task Counts_the_movies_of_a_genre_in_a_year_or_range(string question, string genre, int from, int to)
    {
        var reply = await _host.ChatAsync(question);

        Assert.Contains(Invariant($"{genre}: {ExpectedFigures.Movies(genre, from, to):N0}."), reply.Message);
        Assert.Equal(("genre_trends", $$"""{"from":{{from}},"to":{{to}},"genres":["{{genre}}"]}"""), (reply.Citations[0].Tool, reply.Citations[0].Arguments));
    }

    [Fact]
    public async Task Counts_all_dated_movies_of_a_year()
    {
        var reply = await _host.ChatAsync("How many movies came out in 2005?");

        Assert.StartsWith(Invariant($"{ExpectedFigures.Movies(2005):N0} dated movies were released in 2005."), reply.Message);
    }

    [Theory]
    [InlineData(2000, 2010)]
    [InlineData(1990, 2005)]
    public async Task Names_the_genre_that_grew_most_between_two_years(int from, int to)
    {
        var reply = await _host.ChatAsync($"Which genre grew most between {from} and {to}?");

        var growing = ExpectedFigures.FastestGrowing(from, to);
        Assert.StartsWith(
            Invariant($"{growing.Genre} grew most between {from} and {to}: {growing.Genre}: {growing.FromCount} movies in {from}, {growing.ToCount} in {to} (+{growing.Delta}); share {growing.FromShare:P1} → {growing.ToShare:P1}"),
            reply.Message);
    }

    [Fact]
    public async Task Names_the_genre_that_shrank_most_between_two_years()
    {
        var reply = await _host.ChatAsync("Which genre declined the most from 2000 to 2010?");

        var shrinking = ExpectedFigures.FastestShrinking(2000, 2010);
        Assert.StartsWith(
            Invariant($"{shrinking.Genre} shrank most between 2000 and 2010: {shrinking.Genre}: {shrinking.FromCount} movies in 2000, {shrinking.ToCount} in 2010 ({shrinking.Delta});"),
            reply.Message);
    }

    [Fact]
    public async Task Summarises_the_current_view_from_its_own_reads()
    {
        var reply = await _host.ChatAsync("Summarize this view", new { trendsFrom = 2000, trendsTo = 2010, popularityYear = 2010 });

        var (largest, total) = ExpectedFigures.Largest(2000, 2010);
        var growing = ExpectedFigures.FastestGrowing(2000, 2010);
        var shrinking = ExpectedFigures.FastestShrinking(2000, 2010);
        Assert.Contains(Invariant($"Largest genre: {largest}, {total:N0} movies."), reply.Message);
        Assert.Contains(Invariant($"Fastest-growing 2000→2010: {growing.Genre}, {growing.FromCount} → {growing.ToCount} movies (+{growing.Delta}); share of the year's movies {growing.FromShare:P1} → {growing.ToShare:P1}"), reply.Message);
        Assert.Contains(Invariant($"Fastest-shrinking 2000→2010: {shrinking.Genre}, {shrinking.FromCount} → {shrinking.ToCount} movies ({shrinking.Delta});"), reply.Message);
        Assert.Contains(Invariant($"Popularity 2010 ({ExpectedFigures.Movies(2010):N0} dated movies)"), reply.Message);
        Assert.Contains(Invariant($"Most popular: 1. {ExpectedFigures.MostPopular(2010).Title} ("), reply.Message);
        Assert.Contains(Invariant($"Least popular: 1. {ExpectedFigures.LeastPopular(2010).Title} ("), reply.Message);
        Assert.Equal(["catalog", "genre_trends", "popularity"], reply.Citations.Select(citation => citation.Tool));
    }

    [Fact]
    public async Task Says_plainly_what_it_cannot_answer_and_how_to_turn_on_the_assistant_in_the_notice_only()
    {
        var reply = await _host.ChatAsync("Why is 2016 so thin?");

        Assert.StartsWith("I can't answer that in offline mode.", reply.Message);
        Assert.DoesNotContain("XAI_API_KEY", reply.Message);
        Assert.Contains("set XAI_API_KEY (or the AppHost parameter xai-api-key)", reply.Notice);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task Says_when_a_year_has_no_movies()
    {
        var reply = await _host.ChatAsync("most popular movie in 1850");

        Assert.Equal(0, ExpectedFigures.Movies(1850));
        Assert.StartsWith("The catalog has no dated movies from 1850.", reply.Message);
    }

    [Fact]
    public async Task Asks_for_a_year_when_neither_the_question_nor_the_view_has_one()
    {
        var reply = await _host.ChatAsync("most popular movie please");

        Assert.StartsWith("Which year?", reply.Message);
        Assert.Empty(reply.Citations);
    }
}
