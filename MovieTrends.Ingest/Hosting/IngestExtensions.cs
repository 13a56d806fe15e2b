using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using MovieTrends.Ingest.Import;
using MovieTrends.Catalog.Migrations;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MovieTrends.Ingest.Hosting;

public static partial class IngestExtensions
{
    public const string ConnectionName = CatalogConnection.Name;

    /// <summary>The database, the migration runner, the importer and their telemetry.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder, string? connectionString)
    {
        if (connectionString is not null)
        {
            builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = connectionString;
        }

        builder.AddNpgsqlDataSource(ConnectionName);
        // Npgsql logs every command at Information; the import's own progress lines are what people read.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.AddMigrationStep();
        builder.Services.AddSingleton<CatalogImporter>();
        builder.Services.AddSingleton<DefaultCatalogLoader>();
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IngestTelemetry.Name));
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(IngestTelemetry.Name));
        return builder;
    }

    /// <summary>Runs the command to completion and returns the process exit code.</summary>
    public static async Task<int> RunIngestAsync(this IHost host, IngestCommand command)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MovieTrends.Ingest");
        if (string.IsNullOrWhiteSpace(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()
                .GetConnectionString(ConnectionName)))
        {
            return Fail(logger, $"no database connection: pass --connection \"<conn string>\" or set ConnectionStrings__{ConnectionName}");
        }

        // Ctrl+C or SIGTERM stop the host, which cancels the work and rolls back an import in progress.
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await host.StartAsync(stopping);
        try
        {
            switch (command.Action)
            {
                case IngestAction.Migrate:
                    await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(stopping);
                    break;
                case IngestAction.Import:
                    await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(stopping);
                    await host.Services.GetRequiredService<CatalogImporter>().ImportAsync(Path.GetFullPath(command.Path!), stopping);
                    break;
                default:
                    await host.Services.GetRequiredService<DefaultCatalogLoader>().LoadAsync(stopping);
                    break;
            }

            return ExitCodes.Done;
        }
        catch (ImportException e)
        {
            return Fail(logger, e.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return Fail(logger, "stopped before finishing; nothing was changed by the unfinished import");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return Fail(logger, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            // Flushes telemetry exporters before the process exits.
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int Fail(ILogger logger, string message)
    {
        LogFailed(logger, message);
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
