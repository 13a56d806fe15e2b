using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Execution;
using MovieTrends.Tests.Chat;
using MovieTrends.Tests.Infrastructure;
using MovieTrends.Tests.Oracle;
using Npgsql;
using Xunit.Abstractions;

namespace MovieTrends.Tests.GraphQL;

/// <summary>
/// Only GraphQL:Limits:MaxConcurrentExecutions requests execute at once. Drill-down pages whose movie details the
/// test holds on a table lock show it from the database's side: only that many wait on the lock, the others wait
/// for their turn, and every one is answered, as the raw CSV lists it, once the lock goes. A request that waits
/// past GraphQL:Limits:AdmissionTimeout is 503 SERVER_BUSY, and one whose client goes away gives up its turn.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class ExecutionAdmissionTests(InProcessApp app, ITestOutputHelper output)
{
    private const int From = 2000;
    private const int To = 2010;

    private static readonly string[] DatasetIds = ["tmdb-5000", "tmdb-movies", "tmdb-top10k"];

    [Fact]
    public async Task At_most_the_limit_execute_the_others_wait_and_all_are_answered_once_the_database_lets_go()
    {
        const int limit = 2;
        const int extra = 3;
        await using var service = await StartAsync(limit, admissionTimeout: TimeSpan.FromMinutes(1));
        var admission = service.Services.GetRequiredService<ExecutionAdmission>();
        var pages = Enumerable.Range(1, limit + extra).ToArray();

        Task<HttpResponseMessage>[] asked;
        long waitingOnTheLock;
        await using (var held = await HeldMoviesAsync())
        {
            // Each page size is its own question, so none is answered from a cache.
            asked = [.. pages.Select(first => AskAsync(service.Client, first, CancellationToken.None))];
            await UntilAsync(async () => admission.Waiting == extra && await held.WaitingOnTheLockAsync() >= limit);
            waitingOnTheLock = await held.WaitingOnTheLockAsync();
        }

        Assert.Equal<long>(limit, waitingOnTheLock);
        foreach (var (first, answer) in pages.Zip(asked))
        {
            await AssertAnsweredAsync(await answer, first);
        }

        Assert.Equal(0, admission.Executing);
    }

    [Fact]
    public async Task A_request_that_waits_past_its_bound_is_503_SERVER_BUSY_with_a_retry_time_and_the_one_executing_is_answered()
    {
        await using var service = await StartAsync(limit: 1, admissionTimeout: TimeSpan.FromMilliseconds(500));

        Task<HttpResponseMessage> executing;
        HttpResponseMessage refused;
        await using (var held = await HeldMoviesAsync())
        {
            executing = AskAsync(service.Client, 1, CancellationToken.None);
            await UntilAsync(async () => await held.WaitingOnTheLockAsync() == 1);
            refused = await AskAsync(service.Client, 2, CancellationToken.None);
        }

        using (refused)
        {
            var body = await refused.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)refused.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
            var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
            Assert.Equal("SERVER_BUSY", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains("within 0.5 seconds", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("send it again in 2 seconds", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }

        await AssertAnsweredAsync(await executing, 1);
        await AssertAnsweredAsync(await AskAsync(service.Client, 2, CancellationToken.None), 2);
    }

    [Fact]
    public async Task A_client_that_goes_away_while_waiting_gives_up_its_turn()
    {
        await using var service = await StartAsync(limit: 1, admissionTimeout: TimeSpan.FromMinutes(1));
        var admission = service.Services.GetRequiredService<ExecutionAdmission>();

        Task<HttpResponseMessage> executing;
        await using (var held = await HeldMoviesAsync())
        {
            executing = AskAsync(service.Client, 1, CancellationToken.None);
            await UntilAsync(async () => await held.WaitingOnTheLockAsync() == 1);

            using var leaving = new CancellationTokenSource();
            var gone = AskAsync(service.Client, 2, leaving.Token);
            await UntilAsync(() => Task.FromResult(admission.Waiting == 1));
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);

            // Still held: the place the client gave up is no longer waited for.
            await UntilAsync(() => Task.FromResult(admission.Waiting == 0));
            Assert.Equal(1, admission.Executing);
        }

        await AssertAnsweredAsync(await executing, 1);
        await AssertAnsweredAsync(await AskAsync(service.Client, 2, CancellationToken.None), 2);
        Assert.Equal(0, admission.Executing);
    }

    [Fact]
    public async Task A_chat_turn_waiting_for_its_model_takes_no_place_from_the_queries()
    {
        await using var provider = await FakeChatProvider.StartAsync();
        provider.ThenStall(TimeSpan.FromMinutes(1));
        await using var service = await StartAsync(limit: 1, admissionTimeout: TimeSpan.FromMilliseconds(500), builder => builder
            .UseSetting("Chat:ApiKey", $"xai-test-{Guid.NewGuid():N}")
            .UseSetting("Chat:Endpoint", provider.Endpoint.ToString()));

        var turn = service.Client.PostAsJsonAsync("/graphql", new
        {
            query = ChatTestHost.ChatMutation,
            variables = new { input = new { message = "What was the most popular movie in 2010?" } },
        });
        await UntilAsync(() => Task.FromResult(!provider.Requests.IsEmpty));

        // The only place is free while the turn waits for its model: the query is answered, not SERVER_BUSY.
        await AssertAnsweredAsync(await AskAsync(service.Client, 1, CancellationToken.None), 1);
        using var answered = await turn;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Theory]
    [InlineData("MaxConcurrentExecutions", "0", "GraphQL:Limits:MaxConcurrentExecutions must be at least 1 (it is 0)")]
    [InlineData("AdmissionTimeout", "00:00:00", "GraphQL:Limits:AdmissionTimeout must be a positive time span such as 00:00:05 (it is 00:00:00)")]
    public async Task An_admission_that_could_admit_nothing_stops_the_service_at_start(string setting, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessGraphQLService.StartAsync(
            app.ServiceConnectionString, builder => builder.UseSetting($"{GraphQLLimits.SectionName}:{setting}", value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A service of its own with the given admission, once every dataset's columns are read (their read needs the movies table).</summary>
    private async Task<InProcessGraphQLService> StartAsync(int limit, TimeSpan admissionTimeout, Action<IWebHostBuilder>? configure = null)
    {
        var service = await InProcessGraphQLService.StartAsync(app.ServiceConnectionString, builder =>
        {
            builder
                .UseSetting($"{GraphQLLimits.SectionName}:{nameof(GraphQLLimits.MaxConcurrentExecutions)}", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting($"{GraphQLLimits.SectionName}:{nameof(GraphQLLimits.AdmissionTimeout)}", admissionTimeout.ToString("c"));
            configure?.Invoke(builder);
        });
        try
        {
            foreach (var dataset in DatasetIds)
            {
                await UntilAsync(async () =>
                {
                    using var response = await service.Client.PostAsJsonAsync("/graphql", new
                    {
                        query = "query ($dataset: ID) { movies(from: 2000, to: 2000, first: 1, dataset: $dataset) { totalCount } }",
                        variables = new { dataset },
                    });
                    return response.StatusCode == HttpStatusCode.OK;
                });
            }

            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, int first, CancellationToken cancellationToken) =>
        client.PostAsJsonAsync("/graphql", new
        {
            query = "query ($first: Int!) { movies(from: " + From + ", to: " + To + ", first: $first) { totalCount nodes { id title } } }",
            variables = new { first },
        }, cancellationToken);

    private async Task AssertAnsweredAsync(HttpResponseMessage response, int first)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
            var movies = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("movies");
            var expected = DatasetOracle.Tmdb5000.MovieList(From, To);
            Assert.Equal(expected.TotalCount, movies.GetProperty("totalCount").GetInt32());
            Assert.Equal(
                expected.Pages(first)[0].Nodes.Select(movie => (movie.Id, movie.Title)),
                movies.GetProperty("nodes").EnumerateArray().Select(node => (node.GetProperty("id").GetInt32(), node.GetProperty("title").GetString()!)));
            output.WriteLine($"first {first}: answered");
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The awaited state never came.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>The movies table locked by the test, so the drill-down's read of its page's details waits until disposed.</summary>
    private async Task<HeldMovies> HeldMoviesAsync()
    {
        var holder = new NpgsqlConnection(app.MovieDbConnectionString);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var lockMovies = new NpgsqlCommand("LOCK TABLE movies IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockMovies.ExecuteNonQueryAsync();
        }

        return new HeldMovies(holder, transaction);
    }

    private sealed class HeldMovies(NpgsqlConnection holder, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        /// <summary>The service's statements waiting on a lock now, as the database sees them.</summary>
        public async Task<long> WaitingOnTheLockAsync()
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = '{CatalogRoles.Service}' AND wait_event_type = 'Lock'",
                holder, transaction);
            return (long)(await count.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await holder.DisposeAsync();
        }
    }
}
