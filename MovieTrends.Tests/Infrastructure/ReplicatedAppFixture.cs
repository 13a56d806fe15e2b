using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The whole application with the GraphQL service as two replicas (the AppHost's <c>GraphQL:Replicas</c> setting),
/// and a client for each replica's own address, past the load-balanced one the web uses.
/// </summary>
public sealed class ReplicatedAppFixture : AppFixture
{
    public const int Replicas = 2;

    protected override IEnumerable<string> Settings => [$"GraphQL:Replicas={Replicas}"];

    /// <summary>
    /// One client per running replica, at the HTTP/1.1 port the orchestrator gave that replica,
    /// once each answers its readiness probe.
    /// </summary>
    public async Task<IReadOnlyList<HttpClient>> ReplicaClientsAsync()
    {
        var clients = new List<HttpClient>();
        foreach (var (replica, address) in await ReplicaUrlsAsync())
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(client, replica);
            clients.Add(client);
        }

        return clients;
    }

    /// <summary>Each running replica of "graphql" by its orchestrator name, with the HTTP/1.1 URL it listens on.</summary>
    private async Task<Dictionary<string, Uri>> ReplicaUrlsAsync()
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var replicas = new Dictionary<string, Uri>();
        // The watch replays every resource's current state first, one event per replica.
        await foreach (var change in notifications.WatchAsync(timeout.Token))
        {
            var url = OrchestratedUrls.Http(change.Snapshot.EnvironmentVariables);
            if (change.Resource.Name == "graphql" && change.Snapshot.State?.Text == KnownResourceStates.Running && url is not null)
            {
                replicas[change.ResourceId] = url;
                if (replicas.Count == Replicas)
                {
                    return replicas;
                }
            }
        }

        throw new InvalidOperationException("The watch ended before every replica was running.");
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, string replica)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"Replica '{replica}' at {client.BaseAddress} was not ready within 2 minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}

[CollectionDefinition("replicated app")]
public sealed class ReplicatedAppCollection : ICollectionFixture<ReplicatedAppFixture>;
