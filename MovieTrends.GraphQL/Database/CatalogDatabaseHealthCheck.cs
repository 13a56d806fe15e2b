using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Database;

/// <summary>
/// Readiness of the catalog database: <see cref="DatabaseAvailability.ProbeAsync"/>, one round trip that must answer
/// within <see cref="Budget"/>. The wait is bounded there, not left to the driver, because a hung server does not
/// answer a cancellation either, and a probe that hangs tells the orchestrator nothing.
/// </summary>
public sealed class CatalogDatabaseHealthCheck(DatabaseAvailability availability) : IHealthCheck
{
    public const string Name = CatalogConnection.Name;

    /// <summary>Under the two seconds a readiness probe is given, with room for the rest of the endpoint.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await availability.ProbeAsync().WaitAsync(cancellationToken) is { } failure
            // The reason only: an exception here would put a stack trace in the log on every probe.
            ? HealthCheckResult.Unhealthy($"{failure.Code}: {failure.Reason}")
            : HealthCheckResult.Healthy();
}
