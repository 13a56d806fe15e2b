using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieTrends.Catalog;
using MovieTrends.Tests.Hostile;
using MovieTrends.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The GraphQL service scaled out under the AppHost, each replica asked at its own address: an import through the
/// importer's command line reaches every replica's answers whole and for good once it commits, and a client's chat
/// allowance is one allowance whichever replica it spends it on.
/// </summary>
[Collection("replicated app")]
public sealed class ReplicaAgreementTests(ReplicatedAppFixture app, ITestOutputHelper output)
{
    private const string CatalogQuery = "{ catalog { movieCount } }";
    private const string ChatMutation = "mutation($input: ChatInput!) { chat(input: $input) { mode } }";

    // The AppHost's defaults (Chat:RateLimit): 10 messages at once, then one every 6 s.
    private const int Burst = 10;
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Every_replica_serves_a_new_import_whole_after_its_commit_and_never_the_old_catalog_again()
    {
        var replicas = await app.ReplicaClientsAsync();
        Assert.Equal(ReplicatedAppFixture.Replicas, replicas.Select(replica => replica.BaseAddress).Distinct().Count());

        // Each replica answers (and caches) the catalog it has now: the default file's movies, counted from the raw file.
        var before = await MovieCountAsync(replicas[0]);
        Assert.True(before >= DefaultDataFile.Count().Movies, $"The catalog has {before} movies, fewer than the default file's.");
        foreach (var replica in replicas)
        {
            Assert.Equal(before, await MovieCountAsync(replica));
            Assert.Equal(before, await MovieCountAsync(replica));
        }

        // The test hears the commit the way the replicas do; its moment is when the new catalog became visible.
        var committedAt = 0L;
        await using var listener = new NpgsqlConnection(app.MovieDbConnectionString);
        await listener.OpenAsync();
        listener.Notification += (_, _) => Interlocked.CompareExchange(ref committedAt, Stopwatch.GetTimestamp(), 0);
        await using (var listen = new NpgsqlCommand($"LISTEN {CatalogChannel.Name}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var hearing = HearAsync(listener, () => Interlocked.Read(ref committedAt) != 0, stop.Token);
        var expected = before + 2;
        var watchers = replicas.Select(replica => WatchAsync(replica, expected, stop.Token)).ToList();

        var folder = Directory.CreateTempSubdirectory("movietrends-replicas-").FullName;
        try
        {
            var file = await TinyCatalogFile.WriteAsync(folder, "two-new-movies.csv.gz",
                new TinyCatalogFile.Movie(990_001, "Replica One", 18, "Drama", new DateOnly(2001, 5, 1), 3.5),
                new TinyCatalogFile.Movie(990_002, "Replica Two", 35, "Comedy", new DateOnly(2002, 6, 2), 4.5));
            var import = await IngestProcess.ImportAsync(file, app.MovieDbConnectionString, TimeSpan.FromMinutes(2));
            Assert.True(import.ExitCode == 0, $"The import failed ({import.ExitCode}): {import.Error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await hearing;
        var histories = await Task.WhenAll(watchers);
        var committed = Interlocked.Read(ref committedAt);
        foreach (var history in histories)
        {
            // Caches change only on the commit's notification (without it the watch runs out of time): each answer is
            // the old catalog or the whole new one, never one of the two movies, and nothing old after the first new.
            Assert.All(history, answer => Assert.True(answer.Count == before || answer.Count == expected,
                $"A replica answered {answer.Count} movies, neither the old catalog ({before}) nor the new one ({expected})."));
            var firstNew = history.FindIndex(answer => answer.Count == expected);
            Assert.All(history.Skip(firstNew), answer => Assert.Equal(expected, answer.Count));
        }

        // How long each took is written down for the reader; the benchmark, not this test, holds speed targets.
        output.WriteLine($"Replicas serving {expected} movies after the commit: " +
            string.Join(", ", histories.Select(history => $"{Stopwatch.GetElapsedTime(committed, history.First(answer => answer.Count == expected).AnsweredAt).TotalMilliseconds:F0} ms")));
    }

    [Fact]
    public async Task A_client_allowance_spent_across_replicas_is_refused_on_each()
    {
        var replicas = await app.ReplicaClientsAsync();
        var stopwatch = Stopwatch.StartNew();

        // Alternate between the replicas until one refuses: kept per replica, 2 x 10 messages would get through.
        var granted = 0;
        HttpResponseMessage? refused = null;
        for (var sent = 0; sent < Burst * ReplicatedAppFixture.Replicas && refused is null; sent++)
        {
            var reply = await ChatAsync(replicas[sent % replicas.Count]);
            if (reply.StatusCode == HttpStatusCode.OK)
            {
                granted++;
                reply.Dispose();
            }
            else
            {
                refused = reply;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        }

        // Refused on one replica, refused on every other one too.
        foreach (var replica in replicas)
        {
            using var again = await ChatAsync(replica);
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        }

        // The burst, plus what the bucket refilled while the test ran.
        var refilled = (int)(stopwatch.Elapsed / RefillPeriod);
        output.WriteLine($"Granted {granted} messages across {replicas.Count} replicas in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.InRange(granted, Burst, Burst + refilled + 1);
    }

    private static Task<HttpResponseMessage> ChatAsync(HttpClient replica) =>
        replica.PostAsJsonAsync("/graphql", new { query = ChatMutation, variables = new { input = new { message = "how many movies in 2010" } } });

    private static async Task<long> MovieCountAsync(HttpClient replica)
    {
        using var response = await replica.PostAsJsonAsync("/graphql", new { query = CatalogQuery });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("catalog").GetProperty("movieCount").GetInt64();
    }

    private readonly record struct Answer(long Count, long AnsweredAt);

    /// <summary>
    /// Asks the replica every few milliseconds until it has answered the expected count a few times; every answer,
    /// with when it came.
    /// </summary>
    private static async Task<List<Answer>> WatchAsync(HttpClient replica, long expected, CancellationToken cancellationToken)
    {
        const int NewAnswersToSee = 5;
        var history = new List<Answer>();
        while (history.Count(answer => answer.Count == expected) < NewAnswersToSee)
        {
            cancellationToken.ThrowIfCancellationRequested();
            history.Add(new Answer(await MovieCountAsync(replica), Stopwatch.GetTimestamp()));
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        return history;
    }

    private static async Task HearAsync(NpgsqlConnection listener, Func<bool> heard, CancellationToken cancellationToken)
    {
        while (!heard())
        {
            await listener.WaitAsync(cancellationToken);
        }
    }
}
