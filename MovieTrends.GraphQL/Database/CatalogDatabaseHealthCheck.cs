using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Readiness of the catalog database: one round trip that must answer within <see cref="Budget"/>. The wait is
/// bounded here, not left to the driver, because a hung server does not answer a cancellation either, and a
/// probe that hangs tells the orchestrator nothing.
/// </summary>
public sealed class CatalogDatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseAvailability availability) : IHealthCheck
{
    public const string Name = CatalogConnection.Name;

    /// <summary>Under the two seconds a readiness probe is given, with room for the rest of the endpoint.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var startedAt = DatabaseAvailability.Timestamp();
        using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probeTimeout.CancelAfter(Budget);
        var probe = ProbeAsync(probeTimeout.Token);
        try
        {
            await probe.WaitAsync(Budget, cancellationToken);
            availability.ReportSuccess(startedAt);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Failure(exception) is { } failure)
        {
            // The probe may still be finishing; its outcome is already decided.
            _ = probe.ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted);
            availability.ReportFailure(failure, startedAt);
            // The reason only: an exception here would put a stack trace in the log on every probe.
            return HealthCheckResult.Unhealthy($"{failure.Code}: {failure.Reason}");
        }
    }

    private static DatabaseFailure? Failure(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException =>
            new DatabaseFailure(DatabaseFailureKind.Timeout, $"no answer to the health probe within {Budget.TotalSeconds} s"),
        _ => DatabaseFailure.Classify(exception),
    };

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
