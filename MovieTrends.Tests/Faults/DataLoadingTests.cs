using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using Npgsql;
using Xunit.Abstractions;

namespace MovieTrends.Tests.Faults;

/// <summary>A private server with the three datasets loaded once, copied for each test so each can hold its own reads.</summary>
public sealed class LoadedCatalogServer : IAsyncLifetime
{
    private string _template = "";

    public PrivatePostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PrivatePostgres.StartAsync();
        _template = new NpgsqlConnectionStringBuilder(await DefaultCatalogDatabase.CreateAsync(Server)).Database!;
    }

    /// <returns>The connection string of a new copy of the loaded catalog.</returns>
    public async Task<string> CopyAsync()
    {
        var name = $"catalog_{Guid.NewGuid():N}";
        // Unpooled: a test kills the server, which would leave a pooled connection dead.
        await using (var postgres = new NpgsqlConnection(Unpooled(Server.ConnectionString("postgres"))))
        {
            await postgres.OpenAsync();
            await using var copy = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {_template}", postgres);
            await copy.ExecuteNonQueryAsync();
        }

        return Server.ConnectionString(name);
    }

    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>
/// A question whose dataset's movie columns are still being read (held here by a lock on the movies the test takes
/// before the service starts, the way a million movies hold it for seconds) is 503 DATA_LOADING with a Retry-After
/// and the dataset's id, not a database failure; the same question is answered once the read is done; and a
/// database that is frozen or killed during that first read is still named as the database's failure.
/// </summary>
[Collection("database faults")]
[Trait("Layer", "Fast")]
public sealed class DataLoadingTests(LoadedCatalogServer catalog, ITestOutputHelper output) : IClassFixture<LoadedCatalogServer>
{
    private const string Dataset = "tmdb-top10k";

    private static readonly string[] Genres = ["Drama", "Horror"];

    private static readonly string Question = $$"""
        { genreTrends(from: 2000, to: 2010, genres: ["Drama", "Horror"], measure: AVERAGE_RATING, dataset: "{{Dataset}}")
          { years totals measure series { genre counts values known total } } }
        """;

    // Past the request's database budget and the probe after it, for a machine busy with other tests.
    private static readonly TimeSpan ReplyBudget = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_dataset_still_being_read_is_503_DATA_LOADING_with_a_retry_time_and_is_answered_once_the_read_is_done()
    {
        await using var held = await HeldFirstReadAsync();

        using (var loading = await AskAsync(held.Service.Client))
        {
            var body = await loading.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)loading.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), loading.Headers.RetryAfter?.Delta);
            var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
            Assert.Equal("DATA_LOADING", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(Dataset, error.GetProperty("extensions").GetProperty("dataset").GetString());
            Assert.Contains($"'{Dataset}' is still being loaded", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("try again in 5 seconds", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        await held.ReleaseAsync();

        var answer = await AnsweredAsync(held.Service.Client);
        OracleAssert.GenreTrendsMeasure(
            DatasetOracle.Top10k.GenreTrends(2000, 2010, Genres, OracleMeasure.AverageRating), answer.GetProperty("genreTrends"));
    }

    [Fact]
    public async Task A_database_frozen_or_killed_during_the_first_read_is_still_the_databases_failure()
    {
        await using var held = await HeldFirstReadAsync();

        await catalog.Server.FreezeAsync();
        try
        {
            await AssertRefusedAsync(held.Service.Client, "DATABASE_TIMEOUT");
        }
        finally
        {
            await catalog.Server.ThawAsync();
        }

        await catalog.Server.KillAsync();
        try
        {
            await AssertRefusedAsync(held.Service.Client, "DATABASE_UNAVAILABLE");
        }
        finally
        {
            await catalog.Server.StartServerAsync();
        }

        // The killed server took the lock with it: the read is made again and the question answered.
        await AnsweredAsync(held.Service.Client);
    }

    private async Task AssertRefusedAsync(HttpClient client, string code)
    {
        using var response = await AskAsync(client);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {body}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(ReplyBudget);
        return await client.PostAsJsonAsync("/graphql", new { query = Question }, timeout.Token);
    }

    /// <summary>Asks until the question is answered (the read takes a moment once it may go on), and returns the data.</summary>
    private async Task<JsonElement> AnsweredAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await AskAsync(client);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var root = JsonDocument.Parse(body).RootElement;
                Assert.False(root.TryGetProperty("errors", out _), body);
                return root.GetProperty("data").Clone();
            }

            output.WriteLine($"not yet: {(int)response.StatusCode} {body}");
            Assert.True(DateTime.UtcNow < deadline, $"Never answered: {body}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A service over a copy of the catalog whose movies are locked before it starts, so no dataset's columns can be read.</summary>
    private async Task<HeldRead> HeldFirstReadAsync()
    {
        var connectionString = await catalog.CopyAsync();
        var holder = new NpgsqlConnection(LoadedCatalogServer.Unpooled(connectionString));
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var lockMovies = new NpgsqlCommand("LOCK TABLE movies IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockMovies.ExecuteNonQueryAsync();
        }

        var service = await InProcessGraphQLService.StartAsync(connectionString);
        return new HeldRead(service, holder, transaction);
    }

    private sealed class HeldRead(InProcessGraphQLService service, NpgsqlConnection holder, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public InProcessGraphQLService Service => service;

        public async Task ReleaseAsync() => await transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await service.DisposeAsync();
            try
            {
                await holder.DisposeAsync();
            }
            catch (NpgsqlException)
            {
                // The server was killed under it: nothing is held any more.
            }
        }
    }
}
