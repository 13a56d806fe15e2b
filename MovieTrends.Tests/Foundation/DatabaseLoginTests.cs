using MovieTrends.Catalog;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Foundation;

/// <summary>
/// Under the AppHost the apps log in as their own roles, with generated passwords checked by the server
/// (SCRAM over TCP), and the administrator login serves only the migration step.
/// </summary>
[Collection("app")]
public sealed class DatabaseLoginTests(AppFixture app)
{
    [Fact]
    public async Task The_GraphQL_service_reads_the_catalog_as_its_own_role()
    {
        using var graphql = app.CreateHttpClient("graphql");
        using var response = await graphql.PostAsync(
            new Uri("/graphql", UriKind.Relative),
            new StringContent("""{"query":"{ catalog { movieCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains($"\"movieCount\":{DefaultDataFile.Count().Movies}", body);

        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();
        await using var sessions = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{CatalogConnection.Name}' AND usename = '{CatalogRoles.Service}'", connection);
        Assert.True((long)(await sessions.ExecuteScalarAsync())! > 0, "No session of the GraphQL service's role: it logged in as someone else.");
    }

    [Fact]
    public async Task The_importer_role_owns_the_catalog_and_the_roles_have_only_SCRAM_verifiers()
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();

        await using var owner = new NpgsqlCommand("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'movies'", connection);
        Assert.Equal(CatalogRoles.Ingest, await owner.ExecuteScalarAsync());
        await using var verifiers = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_authid WHERE rolname IN ('{CatalogRoles.Ingest}', '{CatalogRoles.Service}') AND rolcanlogin AND rolpassword LIKE 'SCRAM-SHA-256$%'",
            connection);
        Assert.Equal(2L, await verifiers.ExecuteScalarAsync());
    }
}
