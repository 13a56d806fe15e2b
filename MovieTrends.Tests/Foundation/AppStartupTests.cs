using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using Npgsql;

namespace MovieTrends.Tests.Foundation;

[Collection("app")]
public sealed class AppStartupTests(AppFixture app)
{
    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public async Task Service_answers_its_readiness_probe(string service)
    {
        using var client = app.CreateHttpClient(service);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task First_start_loads_every_movie_and_genre_of_the_default_data_file()
    {
        var expected = DefaultDataFile.Count();
        // The figures the data's README documents, so a changed file cannot pass silently.
        Assert.Equal((4803, 20), (expected.Movies, expected.Genres));

        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();

        Assert.Equal(expected.Movies, await CountAsync(connection, "movies WHERE dataset_id = 'tmdb-5000'"));
        Assert.Equal(expected.Genres, await CountAsync(connection, "genres"));
    }

    [Fact]
    public async Task First_start_loads_every_dataset_side_by_side()
    {
        await using var connection = new NpgsqlConnection(app.MovieDbConnectionString);
        await connection.OpenAsync();

        foreach (var dataset in DatasetOracle.All)
        {
            Assert.Equal(dataset.MovieCount, await CountAsync(connection, $"movies WHERE dataset_id = '{dataset.Id}'"));
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table)
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
