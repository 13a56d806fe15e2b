namespace MovieTrends.AppHost;

internal static class ResourceBuilderExtensions
{
    private const string DefaultDataFile = "tmdb_5000_movies.csv.gz";

    /// <summary>Points the importer at the data file shipped in the repository's data folder.</summary>
    public static IResourceBuilder<ProjectResource> WithDefaultDataFile(this IResourceBuilder<ProjectResource> ingest)
    {
        var builder = ingest.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            // A deployed importer reads the copy built into its own output, not a path on this machine.
            return ingest;
        }

        return ingest.WithEnvironment("Ingest__DefaultDataFile", DefaultDataFilePath(builder));
    }

    /// <summary>The data file shipped in the repository's data folder.</summary>
    public static string DefaultDataFilePath(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "data", DefaultDataFile));

    /// <summary>
    /// The xAI key the chat uses: the <c>Parameters:xai-api-key</c> setting, else the XAI_API_KEY
    /// environment variable, else empty (the chat then reports that it is not configured).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddXaiApiKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter(
            "xai-api-key",
            () => builder.Configuration["Parameters:xai-api-key"] ?? builder.Configuration["XAI_API_KEY"] ?? "",
            secret: true);

    /// <summary>
    /// The secret the web proxy and the API share, generated: nobody sets it, and a fresh one each run
    /// is fine because both services start with the AppHost. Published, the deployment generates and keeps it.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddProxyKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter("proxy-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
}
