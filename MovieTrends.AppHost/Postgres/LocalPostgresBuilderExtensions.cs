using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MovieTrends.AppHost.Postgres;

/// <summary>Adds a PostgreSQL server run from this machine's installed binaries, and its databases.</summary>
public static class LocalPostgresBuilderExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, LocalPostgresCluster cluster)
    {
        // Generated like the container's and kept in user secrets, under the same name.
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var (command, arguments) = cluster.ServerCommandLine();
        var server = new LocalPostgresServerResource(name, command, cluster, password);

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new LocalPostgresServerHealthCheck(cluster), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithArgs(arguments)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", env: "PGPORT")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var superuserPassword = await resource.PasswordParameter.GetValueAsync(cancellationToken);
                await resource.Cluster.PrepareAsync(superuserPassword ?? "", logger, cancellationToken);
            })
            .OnResourceReady((resource, _, cancellationToken) => ApplyPasswordAndCreateDatabasesAsync(resource, cancellationToken))
            .ExcludeFromManifest();
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database.Name, database.DatabaseName);

        // The same check the container's databases get: open a pooled connection over TCP with the password.
        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .OnInitializeResource((resource, @event, cancellationToken) =>
            {
                _ = FollowServerStateAsync(resource, @event.Notifications, cancellationToken);
                return Task.CompletedTask;
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// A database lives and dies with its server. Aspire passes a container's state on to its databases,
    /// but not an executable's, so this does it; health monitoring starts once the database is running.
    /// </summary>
    private static async Task FollowServerStateAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        string? lastState = null;
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                var server = update.Snapshot;
                if (update.Resource != database.Parent || server.State?.Text == lastState)
                {
                    continue;
                }

                lastState = server.State?.Text;
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = server.State,
                    StartTimeStamp = server.StartTimeStamp,
                    StopTimeStamp = server.StopTimeStamp,
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The application is shutting down.
        }
    }

    /// <summary>
    /// Runs once the server answers on its socket: sets the superuser password to the current parameter value
    /// (the data folder outlives generated passwords) and creates the databases that do not exist yet.
    /// </summary>
    private static async Task ApplyPasswordAndCreateDatabasesAsync(LocalPostgresServerResource server, CancellationToken cancellationToken)
    {
        var password = await server.PasswordParameter.GetValueAsync(cancellationToken) ?? "";
        var socket = server.Cluster.ReadySocketConnectionString("postgres")
            ?? throw new InvalidOperationException($"'{server.Name}' reported ready but does not accept connections.");

        await using var connection = new NpgsqlConnection(socket);
        await connection.OpenAsync(cancellationToken);

        // Utility statements take no parameters: quote the literal (standard_conforming_strings is on by default).
        await using (var alter = new NpgsqlCommand($"ALTER ROLE {LocalPostgresServerResource.UserName} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'", connection))
        {
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var databaseName in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = databaseName } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
