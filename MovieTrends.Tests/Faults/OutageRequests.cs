using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MovieTrends.Tests.Faults;

/// <summary>
/// The requests an outage is tried with, by name (the names are the theory rows): ones the database must
/// answer, ones memory answers, and ones refused for their input before any read.
/// </summary>
public static class OutageRequests
{
    private const string ChatMutation = "mutation($input: ChatInput!) { chat(input: $input) { conversationId message } }";

    private const string CachedPopularity = """{"query":"{ popularity(year: 2010) { movieCount top { title } } }"}""";

    /// <summary>Read before the database breaks: afterwards they are answered from the service's caches.</summary>
    public static IReadOnlyList<Func<HttpRequestMessage>> WarmUp { get; } =
    [
        () => PostBody(CachedPopularity),
        () => Post("{ genres { name movieCount } }"),
        () => Post("{ genreTrends(from: 2000, to: 2001) { years } }"),
    ];

    /// <summary>Each needs a database round trip the service has not made before.</summary>
    public static IReadOnlyDictionary<string, Func<HttpRequestMessage>> DatabaseBound { get; } = new Dictionary<string, Func<HttpRequestMessage>>
    {
        ["popularity of a year not read before"] = () => Post("{ popularity(year: 1999) { movieCount top { title } } }"),
        ["popularity asking for application/json"] = () => Post("{ popularity(year: 1998) { movieCount } }", accept: "application/json"),
        ["popularity over GET"] = () => Get("{ popularity(year: 1997) { movieCount } }"),
        ["popularity with variables"] = () => Post("query($year: Int!) { popularity(year: $year, limit: 3) { bottom { title } } }", new { year = 1992 }),
        ["the catalog summary"] = () => Post("{ catalog { movieCount undatedCount sources } }"),
        ["trends and an unread year in one document"] = () => Post("{ genreTrends(from: 2000, to: 2001) { years } popularity(year: 1996) { movieCount } }"),
        ["two unread years under aliases"] = () => Post("{ a: popularity(year: 1995) { movieCount } b: popularity(year: 1994) { movieCount } }"),
        ["the chosen operation of several"] = () => Post("query A { genres { name } } query B { popularity(year: 1993) { movieCount } }", operationName: "B"),
        ["a new chat conversation"] = () => Post(ChatMutation, new { input = new { message = "most popular movie in 2010" } }),
        ["a chat follow-up"] = () => Post(ChatMutation, new { input = new { message = "and in 2009?", conversationId = Guid.NewGuid().ToString() } }),
    };

    /// <summary>Each is answered from memory: the aggregates, the result caches, the response cache, the schema.</summary>
    public static IReadOnlyDictionary<string, Func<HttpRequestMessage>> MemoryServed { get; } = new Dictionary<string, Func<HttpRequestMessage>>
    {
        ["genre trends over the default range"] = () => Post("{ genreTrends(from: 1990, to: 2016) { years totals series { genre total } } }"),
        ["genre trends of chosen genres"] = () => Post(
            "query($genres: [String!]) { genreTrends(from: 2015, to: 2017, genres: $genres) { series { genre counts } } }",
            new { genres = new[] { "drama", "Western" } }),
        ["genre trends over two centuries"] = () => Post("{ genreTrends(from: 1800, to: 1999) { totals } }"),
        ["popularity of a year read before"] = () => Post("{ again: popularity(year: 2010) { top { title popularity } } }"),
        ["genres read before"] = () => Post("{ genres { name } }"),
        ["a repeat of a request answered before"] = () => PostBody(CachedPopularity),
        ["the query type's name"] = () => Post("{ __typename }"),
        ["introspection"] = () => Post("{ __schema { queryType { name } mutationType { name } } }"),
    };

    /// <summary>Each is refused for its input, with its own code, before any read: an outage must not hide that.</summary>
    public static IReadOnlyDictionary<string, (Func<HttpRequestMessage> Create, string Code)> InputErrors { get; } =
        new Dictionary<string, (Func<HttpRequestMessage>, string)>
        {
            ["a limit out of range"] = (() => Post("{ popularity(year: 1990, limit: 99) { movieCount } }"), "INVALID_LIMIT"),
            ["a year out of range"] = (() => Post("{ popularity(year: 1700) { movieCount } }"), "YEAR_OUT_OF_RANGE"),
            ["a reversed range"] = (() => Post("{ genreTrends(from: 2010, to: 2000) { years } }"), "INVALID_RANGE"),
            ["an unknown genre"] = (() => Post("""{ genreTrends(from: 2000, to: 2001, genres: ["Opera"]) { years } }"""), "UNKNOWN_GENRE"),
            ["an empty chat message"] = (() => Post(ChatMutation, new { input = new { message = "   " } }), "EMPTY_MESSAGE"),
        };

    public static TheoryData<string> DatabaseBoundNames => [.. DatabaseBound.Keys];

    public static TheoryData<string> MemoryServedNames => [.. MemoryServed.Keys];

    public static TheoryData<string> InputErrorNames => [.. InputErrors.Keys];

    /// <summary>A read the database must answer; each caller picks a year no other request reads, so no cache holds it.</summary>
    public static HttpRequestMessage UnreadPopularity(int year) => Post($"{{ popularity(year: {year}) {{ movieCount }} }}");

    private static HttpRequestMessage Post(string query, object? variables = null, string? operationName = null, string accept = "application/graphql-response+json") =>
        PostBody(JsonSerializer.Serialize(new { query, variables, operationName }, Json), accept);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static HttpRequestMessage PostBody(string body, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private static HttpRequestMessage Get(string query) => new(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}");
}
