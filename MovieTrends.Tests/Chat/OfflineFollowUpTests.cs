using MovieTrends.Tests.Infrastructure;
using static System.FormattableString;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The offline analyst reads a question as a follow-up of the stored conversation, through the real chat
/// mutation; the figures come from the raw CSV.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class OfflineFollowUpTests(InProcessApp app) : IAsyncLifetime
{
    private ChatTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChatTestHost.StartAsync(app.MovieDbConnectionString, new Dictionary<string, string?> { ["RateLimit:BurstLimit"] = "1000" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Which_shrank_the_most_takes_the_previous_questions_years_not_the_views()
    {
        // The view shows other years, as when the person asked about a range they were not looking at.
        var view = new { trendsFrom = 1990, trendsTo = 2016 };
        var first = await _host.ChatAsync("Which genre grew most between 2000 and 2010?", view);

        var followUp = await _host.ChatAsync("and which shrank the most?", view, first.ConversationId);

        var shrinking = ExpectedFigures.FastestShrinking(2000, 2010);
        Assert.StartsWith(
            Invariant($"{shrinking.Genre} shrank most between 2000 and 2010: {shrinking.Genre}: {shrinking.FromCount} movies in 2000, {shrinking.ToCount} in 2010 ({shrinking.Delta});"),
            followUp.Message);
        Assert.Equal(("genre_trends", """{"from":2000,"to":2010,"genres":null}"""), (followUp.Citations[0].Tool, followUp.Citations[0].Arguments));
    }

    [Fact]
    public async Task A_new_range_alone_asks_the_previous_question_again()
    {
        var first = await _host.ChatAsync("How many dramas were released between 2000 and 2009?");

        var followUp = await _host.ChatAsync("And in the 1990s?", conversationId: first.ConversationId);

        Assert.Equal(Invariant($"Movies released between 1990 and 1999: Drama: {ExpectedFigures.Movies("Drama", 1990, 1999):N0}."), followUp.Message);
    }

    [Fact]
    public async Task Without_a_conversation_the_view_still_gives_the_years()
    {
        var reply = await _host.ChatAsync("and which shrank the most?", new { trendsFrom = 2005, trendsTo = 2015 });

        var shrinking = ExpectedFigures.FastestShrinking(2005, 2015);
        Assert.StartsWith(Invariant($"{shrinking.Genre} shrank most between 2005 and 2015:"), reply.Message);
    }

    [Fact]
    public async Task The_setup_notice_comes_with_the_reply_and_not_in_its_text()
    {
        var first = await _host.ChatAsync("most popular movie of 2010");
        var second = await _host.ChatAsync("and the least popular?", conversationId: first.ConversationId);

        foreach (var reply in new[] { first, second })
        {
            Assert.DoesNotContain("XAI_API_KEY", reply.Message);
            Assert.StartsWith("Offline mode: no AI provider is configured", reply.Notice);
        }

        Assert.StartsWith($"The least popular movie of 2010 is {ExpectedFigures.LeastPopular(2010).Title} ", second.Message);
    }
}
