using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Schema;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The service writes execution results with its own leaf writer; the bytes must be those GraphQL.NET's own
/// serializer writes for the same result (same encoder), for every kind of value the schema answers with: trend
/// series with null values, movies with missing fields and non-ASCII text, errors, enums, introspection.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ResponseWriterTests(InProcessApp app)
{
    public static TheoryData<string, string> Requests() => new()
    {
        { "genreTrends by a median with gaps", """{"query":"{ genreTrends(from: 1916, to: 1960, measure: MEDIAN_BUDGET, filter: { minVotes: 3 }) { from to years measure totals series { genre counts known values total } } }"}""" },
        { "genreTrends by share in another dataset", """{"query":"query($d: ID) { genreTrends(from: 1990, to: 2000, measure: SHARE, dataset: $d) { years series { genre values known } } }","variables":{"d":"tmdb-movies"}}""" },
        { "genreTrends by movies", """{"query":"{ genreTrends(from: 2000, to: 2010, genres: [\"Drama\", \"Western\"]) { series { genre counts known values total } totals } }"}""" },
        { "popularity with text", """{"query":"{ popularity(year: 2003, limit: 50) { year movieCount top { id title releaseDate popularity voteAverage voteCount genres overview runtime budget revenue originalLanguage status } bottom { title overview } } }"}""" },
        { "movies page", """{"query":"{ movies(from: 1990, to: 2010, orderBy: REVENUE_DESC, first: 30, filter: { languages: [\"fr\", \"ja\"] }) { totalCount pageInfo { hasNextPage endCursor } nodes { id title revenue budget runtime genres } } }"}""" },
        { "datasets", """{"query":"{ datasets { id name movieCount firstYear lastYear measures filters isDefault } }"}""" },
        { "a field error", """{"query":"{ genreTrends(from: 2000, to: 2001, genres: [\"Nope\"]) { from } }"}""" },
        { "a validation error", """{"query":"{ nope }"}""" },
        { "introspection", """{"query":"{ __schema { types { name kind description fields { name isDeprecated deprecationReason } } } }"}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_written_bytes_are_those_of_GraphQL_NET_s_serializer(string what, string body)
    {
        var services = app.GraphQLServices;
        var json = services.GetRequiredService<GraphQLJson>();
        var library = new GraphQLSerializer(
            options => options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            services.GetRequiredService<IErrorInfoProvider>());
        var request = json.Deserialize<global::GraphQL.Transport.GraphQLRequest>(body)!;
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<MovieTrendsSchema>(),
            Query = request.Query,
            Variables = request.Variables,
            RequestServices = services,
        });

        var written = System.Text.Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, json.Options));
        var expected = library.Serialize(result);

        Assert.True(expected.Length > 100, $"{what}: the request should answer with something to write, not {expected}.");
        Assert.Equal(expected, written);
    }
}
