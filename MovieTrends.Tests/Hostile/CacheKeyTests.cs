using System.Net;
using System.Text.Json;
using MovieTrends.Tests.Infrastructure;
using static MovieTrends.Tests.Hostile.HostileDocuments;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Requests that differ must never share a cached answer: not genre lists whose joined text is the same,
/// not two operations of one document that are validated separately.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class CacheKeyTests(InProcessApp app)
{
    private const string Trends = "query($g: [String!]) { genreTrends(from: 2001, to: 2002, genres: $g) { series { genre } } }";

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task A_genre_holding_a_control_character_is_not_answered_with_another_lists_data(string target)
    {
        var http = app.CreateHttpClient(target);
        using var plainRequest = Post(Trends, """{"g":["Drama","Comedy"]}""");
        var plain = await HostileProbe.SendAsync(http, plainRequest);
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        using (var body = JsonDocument.Parse(plain.Body))
        {
            var genres = body.RootElement.GetProperty("data").GetProperty("genreTrends").GetProperty("series")
                .EnumerateArray().Select(series => series.GetProperty("genre").GetString()).Order();
            Assert.Equal(["Comedy", "Drama"], genres);
        }

        // The same names joined by the unit separator the cache key used to join them with.
        using var joinedRequest = Post(Trends, """{"g":["Drama\u001fComedy"]}""");
        var joined = await HostileProbe.SendAsync(http, joinedRequest);

        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Equal("UNKNOWN_GENRE", joined.ErrorCode());
        using var joinedBody = JsonDocument.Parse(joined.Body);
        Assert.Equal(JsonValueKind.Null, joinedBody.RootElement.GetProperty("data").ValueKind);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task The_same_genres_in_another_order_case_or_repeated_get_the_same_answer(string target)
    {
        var http = app.CreateHttpClient(target);
        using var plainRequest = Post(Trends, """{"g":["Comedy","Drama"]}""");
        using var variantRequest = Post(Trends, """{"g":["drama","COMEDY","Drama","comedy"]}""");

        var plain = await HostileProbe.SendAsync(http, plainRequest);
        var variant = await HostileProbe.SendAsync(http, variantRequest);

        Assert.Equal(HttpStatusCode.OK, variant.Status);
        Assert.Null(variant.ErrorCode());
        Assert.Equal(plain.Body, variant.Body);
        Assert.Contains("\"genre\":\"Comedy\"", variant.Body);
        Assert.Contains("\"genre\":\"Drama\"", variant.Body);
    }

    [Theory]
    [MemberData(nameof(HostileProbe.Targets), MemberType = typeof(HostileProbe))]
    public async Task Each_operation_of_a_document_is_validated_before_it_first_runs(string target)
    {
        var http = app.CreateHttpClient(target);
        const string Document = """
            query Cheap { __typename }
            query Costly { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }
            """;
        using var cheap = Post(Document, operationName: "Cheap");
        var cheapReply = await HostileProbe.SendAsync(http, cheap);
        Assert.Equal(HttpStatusCode.OK, cheapReply.Status);

        // The cheap operation passed validation: the costly one in the same text must still be measured.
        using var costly = Post(Document, operationName: "Costly");
        await HostileProbe.AssertRefusedAsync(http, costly, HttpStatusCode.BadRequest, "COMPLEXITY");
    }
}
