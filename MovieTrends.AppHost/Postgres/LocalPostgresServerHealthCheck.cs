using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MovieTrends.AppHost.Postgres;

/// <summary>
/// Healthy once the local server answers a query over its unix socket. The socket needs no password,
/// so this check passes before the superuser password is (re)applied on <c>ResourceReadyEvent</c>.
/// </summary>
internal sealed class LocalPostgresServerHealthCheck(LocalPostgresCluster cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (cluster.ReadySocketConnectionString("postgres") is not { } connectionString)
        {
            return HealthCheckResult.Unhealthy("The server is not accepting connections yet.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("The server does not answer queries.", exception);
        }
    }
}
