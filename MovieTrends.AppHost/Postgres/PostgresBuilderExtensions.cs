using Microsoft.Extensions.Configuration;

namespace MovieTrends.AppHost.Postgres;

/// <summary>
/// Adds the application's PostgreSQL database in whichever form this machine and operation allow:
/// a container, the locally installed server, or (when publishing) a connection string the deployment supplies.
/// </summary>
public static class PostgresBuilderExtensions
{
    private const string InstallHint = "start Docker, or install the PostgreSQL server (apt-get install postgresql)";

    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(
        this IDistributedApplicationBuilder builder, [ResourceName] string serverName, [ResourceName] string databaseName)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            // Deployed, the database is a managed server provisioned by the infrastructure, not a resource we run.
            return builder.AddConnectionString(databaseName);
        }

        var settings = builder.Configuration.GetSection("Postgres");
        var mode = settings.GetValue("Mode", PostgresMode.Auto);
        var containerRuntime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        var forcedMode = mode != PostgresMode.Auto;
        if (mode == PostgresMode.Auto)
        {
            mode = ContainerRuntime.IsHealthy(containerRuntime) ? PostgresMode.Container : PostgresMode.Local;
        }

        // Tests (and anyone who wants the data elsewhere) name their own folder; it wins in both modes.
        var dataDirectory = settings["DataDirectory"];
        if (mode == PostgresMode.Container)
        {
            var container = builder.AddPostgres(serverName);
            container = dataDirectory is null ? container.WithDataVolume() : container.WithDataBindMount(dataDirectory);
            return container.AddDatabase(databaseName);
        }

        var binDirectory = LocalPostgresInstallation.FindBinDirectory(settings["BinDirectory"])
            ?? throw new DistributedApplicationException(forcedMode
                ? "Postgres:Mode is local but no PostgreSQL server binaries were found: install the PostgreSQL server (apt-get install postgresql) or set Postgres:BinDirectory."
                : $"No container runtime answers and no PostgreSQL server is installed: {InstallHint}.");
        // The data outlives runs; it sits beside the sources, ignored by git.
        dataDirectory ??= Path.Combine(builder.AppHostDirectory, "..", ".data", "postgres");

        return builder.AddLocalPostgres(serverName, new LocalPostgresCluster(binDirectory, dataDirectory))
            .AddDatabase(databaseName);
    }
}
