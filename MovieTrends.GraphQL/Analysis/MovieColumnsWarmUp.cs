using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Trends;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Reads every dataset's movie columns in the background once the service listens for catalog changes and again
/// after each change, smallest dataset first, one after the other, so the first measure question after a start or
/// an import finds them in place instead of waiting seconds for a million movies.
/// </summary>
public sealed partial class MovieColumnsWarmUp(
    CatalogAggregatesStore catalogAggregates,
    MovieColumnsStore movieColumns,
    CatalogChanges changes,
    ILogger<MovieColumnsWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Version 0: the change listener has not connected yet, and its first connect moves the version anyway;
        // columns read before it would be read again at once.
        var warmed = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            var version = changes.Version;
            if (version == warmed)
            {
                await changes.WaitForChangeAsync(warmed, stoppingToken);
                continue;
            }

            try
            {
                await WarmAsync(stoppingToken);
                warmed = version;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailure.Classify(exception) is not null)
            {
                // The database is down or frozen: DatabaseAvailability has already said so in one line, and requests
                // still read on demand; try again shortly.
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (Exception exception)
            {
                LogWarmUpFailed(exception, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task WarmAsync(CancellationToken stoppingToken)
    {
        var snapshot = await catalogAggregates.GetSnapshotAsync(stoppingToken);
        foreach (var dataset in snapshot.Datasets.OrderBy(dataset => dataset.MovieCount))
        {
            await movieColumns.GetAsync(dataset.Id, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the movie columns ahead of requests failed; retrying in {Seconds} s")]
    private partial void LogWarmUpFailed(Exception exception, double seconds);
}
