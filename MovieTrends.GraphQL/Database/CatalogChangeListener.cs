using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Listens on the channel every import notifies at commit and moves <see cref="CatalogChanges"/>, so each
/// replica's caches stop answering as soon as the data changes. The only subscriber: no cache listens on its own.
/// Reconnects when the connection drops, and moves the version on every (re)connect because a notification sent
/// while nobody listened is lost.
/// </summary>
public sealed partial class CatalogChangeListener(
    NpgsqlDataSource dataSource,
    CatalogChanges changes,
    DatabaseAvailability availability,
    ILogger<CatalogChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    // A half-open connection never errors on its own; a periodic round trip finds it.
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    // When the current connect or wait began: a failure reports against it (see DatabaseAvailability).
    private long _stepStartedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailure.Classify(exception) is { } failure)
            {
                // The database is down or hung: DatabaseAvailability logs that once, not every retry.
                availability.ReportFailure(failure, _stepStartedAt);
                LogReconnecting(failure.Reason, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                LogConnectionLost(exception, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        _stepStartedAt = DatabaseAvailability.Timestamp();
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, _) => changes.NotifyChanged();
        await using (var listen = new NpgsqlCommand($"LISTEN {CatalogChannel.Name}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        availability.ReportSuccess(_stepStartedAt);
        changes.NotifyChanged();
        LogListening(CatalogChannel.Name);

        await using var keepAlive = new NpgsqlCommand("SELECT 1", connection);
        while (true)
        {
            _stepStartedAt = DatabaseAvailability.Timestamp();
            if (!await connection.WaitAsync(KeepAliveInterval, stoppingToken))
            {
                await keepAlive.ExecuteNonQueryAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for catalog changes on '{Channel}'")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The catalog change listener cannot reach the database ({Reason}); retrying in {Seconds} s")]
    private partial void LogReconnecting(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the catalog change listener; reconnecting in {Seconds} s")]
    private partial void LogConnectionLost(Exception exception, double seconds);
}
