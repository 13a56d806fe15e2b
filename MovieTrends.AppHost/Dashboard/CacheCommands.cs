using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.AppHost.Dashboard;

/// <summary>
/// "Clear result caches" on the GraphQL service: a NOTIFY on the channel every replica already listens to (the
/// one each import notifies), so every replica drops its caches and no new endpoint is opened on the service.
/// </summary>
internal static partial class CacheCommands
{
    public const string ClearCaches = "clear-result-caches";

    public static IResourceBuilder<ProjectResource> WithClearCachesCommand(
        this IResourceBuilder<ProjectResource> graphql, IResourceBuilder<IResourceWithConnectionString> moviedb) =>
        graphql.WithCommand(ClearCaches, "Clear result caches", async context =>
            {
                var connectionString = await moviedb.Resource.ConnectionStringExpression.GetValueAsync(context.CancellationToken);
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(context.CancellationToken);
                    await using var notify = new NpgsqlCommand($"NOTIFY {CatalogChannel.Name}", connection);
                    await notify.ExecuteNonQueryAsync(context.CancellationToken);
                }

                var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(graphql.Resource);
                LogCleared(logger, CatalogChannel.Name);
                return CommandResults.Success("Every replica was told to drop its result caches.");
            },
            new CommandOptions
            {
                Description = "Makes every replica drop its cached results and aggregates, as an import does.",
                IconName = "ArrowClockwise",
            });

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard command: NOTIFY {Channel} sent; every replica drops its result caches")]
    private static partial void LogCleared(ILogger logger, string channel);
}
