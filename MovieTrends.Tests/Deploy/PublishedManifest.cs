using System.Text.Json.Nodes;

namespace MovieTrends.Tests.Deploy;

/// <summary>
/// The deployment manifest the AppHost writes in publish mode, the same one azd reads: published once
/// per test class, in process, into a temporary folder.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("movietrends-manifest-").FullName;

    public JsonObject Resources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var manifestPath = Path.Combine(_outputDirectory, "aspire-manifest.json");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MovieTrends_AppHost>(
            ["--publisher", "manifest", "--output-path", manifestPath]);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // In publish mode the app writes the manifest and stops instead of starting resources.
        await app.RunAsync(timeout.Token);

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        Resources = manifest["resources"]!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    public JsonObject Resource(string name) =>
        Resources[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException(
            $"The manifest has no resource '{name}'; it has: {string.Join(", ", Resources.Select(r => r.Key))}.");

    public IReadOnlyDictionary<string, string> Environment(string resourceName) =>
        (Resource(resourceName)["env"]?.AsObject() ?? [])
            .ToDictionary(variable => variable.Key, variable => variable.Value!.GetValue<string>());
}
