using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.Catalog;
using MovieTrends.Tests.GraphQL;
using MovieTrends.Tests.Infrastructure;
using Npgsql;

namespace MovieTrends.Tests.Foundation;

/// <summary>What an operator finds on each resource in the dashboard: named links and commands that work.</summary>
[Collection("app")]
public sealed class DashboardTests(AppFixture app)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("graphql", "Banana Cake Pop (explorer)", "/graphql")]
    [InlineData("graphql", "GraphiQL (examples)", "/graphql/graphiql")]
    [InlineData("graphql", "Schema (SDL)", "/graphql?sdl")]
    [InlineData("graphql", "Health (ready)", "/health")]
    [InlineData("web", "MovieTrends", "/")]
    [InlineData("web", "Explorer through the app", "/graphql")]
    [InlineData("web", "Health (alive)", "/alive")]
    public async Task Each_resource_links_the_pages_a_person_wants_and_they_answer(string resource, string name, string pathAndQuery)
    {
        var notifications = app.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(resource, out var current), $"No state for {resource}");

        var url = Assert.Single(current.Snapshot.Urls, url => url.DisplayProperties.DisplayName == name);
        var expected = app.CreateHttpClient(resource).BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery;
        Assert.Equal(expected, url.Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url.Url).PathAndQuery);
        // As a browser opening the link asks: /graphql answers a browser with the explorer.
        request.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");
        using var response = await app.CreateHttpClient(resource).SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{name} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("ingest", "reimport-default-data")]
    [InlineData("ingest", "import-file")]
    [InlineData("graphql", "clear-result-caches")]
    public void The_operator_commands_are_on_their_resources(string resource, string command)
    {
        var model = app.App.Services.GetRequiredService<DistributedApplicationModel>();
        var annotations = model.Resources.Single(r => r.Name == resource).Annotations.OfType<ResourceCommandAnnotation>();

        Assert.Contains(annotations, annotation => annotation.Name == command);
    }

    [Fact]
    public async Task Re_importing_the_default_data_from_the_dashboard_records_a_new_import()
    {
        var graphql = new GraphQLTestClient(app.CreateHttpClient("graphql"));
        var before = (await graphql.DataAsync("{ catalog { lastImportAt movieCount } }")).GetProperty("catalog");
        using var timeout = new CancellationTokenSource(CommandTimeout);

        var result = await Commands().ExecuteCommandAsync("ingest", "reimport-default-data", timeout.Token);

        Assert.True(result.Success, result.Message);
        Assert.Contains("rows read", result.Message);
        Assert.Contains("0 inserted", result.Message);
        var after = (await graphql.DataAsync("{ catalog { lastImportAt movieCount } }")).GetProperty("catalog");
        Assert.NotEqual(before.GetProperty("lastImportAt").GetString(), after.GetProperty("lastImportAt").GetString());
        Assert.Equal(before.GetProperty("movieCount").GetInt32(), after.GetProperty("movieCount").GetInt32());
        var notifications = app.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState("ingest", out var ingest));
        Assert.Contains(ingest.Snapshot.Properties, property =>
            property.Name == "movietrends.last-import" && $"{property.Value}".Contains("rows read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_a_file_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv");
        var arguments = new InteractionInputCollection(
            [new InteractionInput { Name = "path", InputType = InputType.Text, Value = path }]);
        using var timeout = new CancellationTokenSource(CommandTimeout);

        var result = await Commands().ExecuteCommandAsync("ingest", "import-file", arguments, timeout.Token);

        Assert.False(result.Success);
    }

    [Fact]
    public async Task Clearing_the_caches_notifies_every_replica_on_the_catalog_channel()
    {
        await using var listener = new NpgsqlConnection(app.MovieDbConnectionString);
        await listener.OpenAsync();
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, notification) => notified.TrySetResult(notification.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN {CatalogChannel.Name}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await Commands().ExecuteCommandAsync("graphql", "clear-result-caches", timeout.Token);
        await listener.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Success, result.Message);
        Assert.Equal("catalog_changed", await notified.Task.WaitAsync(TimeSpan.FromSeconds(1)));
    }

    private ResourceCommandService Commands() => app.App.Services.GetRequiredService<ResourceCommandService>();
}
