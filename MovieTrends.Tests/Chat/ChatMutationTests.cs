using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Chat;

/// <summary>
/// The chat mutation end to end through the running application. The AppHost gets no provider key in
/// tests, so the offline analyst answers. Few calls: they share the client's rate limit with other tests.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ChatMutationTests(InProcessApp app)
{
    private readonly HttpClient _graphql = app.CreateHttpClient("graphql");

    [Fact]
    public async Task Answers_offline_from_the_catalog_and_continues_the_conversation()
    {
        var first = await ChatAsync(new { message = "What was the most popular movie in 2010?" });
        var reply = first.GetProperty("data").GetProperty("chat");
        var conversationId = reply.GetProperty("conversationId").GetString();

        Assert.Equal("OFFLINE", reply.GetProperty("mode").GetString());
        Assert.StartsWith(
            $"The most popular movie of 2010 is {ExpectedFigures.MostPopular(2010).Title} (TMDB popularity 167.58), out of {ExpectedFigures.Movies(2010)} dated movies",
            reply.GetProperty("message").GetString());
        Assert.Equal("popularity", reply.GetProperty("citations")[0].GetProperty("tool").GetString());

        var second = await ChatAsync(new { message = "And the least popular?", conversationId, view = new { popularityYear = 2010 } });

        var followUp = second.GetProperty("data").GetProperty("chat");
        Assert.Equal(conversationId, followUp.GetProperty("conversationId").GetString());
        Assert.StartsWith($"The least popular movie of 2010 is {ExpectedFigures.LeastPopular(2010).Title} ", followUp.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Refuses_an_overlong_message_with_MESSAGE_TOO_LONG()
    {
        var response = await ChatAsync(new { message = new string('x', 2001) });

        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
        Assert.Equal("MESSAGE_TOO_LONG", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<JsonElement> ChatAsync(object input)
    {
        using var response = await _graphql.PostAsJsonAsync("/graphql", new { query = ChatTestHost.ChatMutation, variables = new { input } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}
