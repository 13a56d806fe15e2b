using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// The schema is a contract with the frontend, the chat and outside clients: a change must show up as a
/// change to MovieTrends.GraphQL/schema.graphql in review.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class SchemaSnapshotTests(InProcessApp app)
{
    private const string UpdateVariable = "UPDATE_SCHEMA_SNAPSHOT";

    [Fact]
    public async Task The_served_schema_matches_the_committed_snapshot()
    {
        var served = await app.CreateHttpClient("graphql").GetStringAsync("/graphql?sdl");
        var snapshotPath = Path.Combine(Path.GetDirectoryName(RawTmdbData.DataFilePath)!, "..", "MovieTrends.GraphQL", "schema.graphql");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshotPath, served);
        }

        var committed = File.Exists(snapshotPath) ? await File.ReadAllTextAsync(snapshotPath) : "";
        Assert.True(served == committed, Difference(committed, served));
    }

    private static string Difference(string committed, string served)
    {
        var expected = committed.Split('\n');
        var actual = served.Split('\n');
        var line = 0;
        while (line < expected.Length && line < actual.Length && expected[line] == actual[line])
        {
            line++;
        }

        return $"""
            The schema differs from MovieTrends.GraphQL/schema.graphql from line {line + 1}:
              snapshot: {(line < expected.Length ? expected[line] : "(end of file)")}
              served:   {(line < actual.Length ? actual[line] : "(end of file)")}
            If the change is intended, rewrite the snapshot and commit it:
              {UpdateVariable}=1 dotnet test MovieTrends.Tests --filter FullyQualifiedName~SchemaSnapshotTests
            """;
    }
}
