using System.Data.Common;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Database;

public static class CatalogDataSourceExtensions
{
    private const int DefaultMaxPoolSize = 16;

    // A hung or dead server must fail a request inside its 10 s budget, named, rather than hold it. Waiting for a
    // pooled or new connection ends after Timeout, a statement with no answer after Command Timeout. Npgsql then
    // sends the server a cancellation on a connection of its own and waits for it to close, bounded by Timeout
    // again, and on a loaded machine later still; with Cancellation Timeout -1 it then breaks the connection at
    // once instead of waiting for the cancelled statement too. The request does not wait for any of that: it
    // waits for a call at most DatabaseAvailability.CallBudget (4 s), and for all its calls at most
    // DatabaseWaitBudget.PerRequest (5 s), measured against a frozen server at 4.0 s for one call and 5.0 s for two
    // whatever the cancellation takes, where the driver alone took 3 + 2 + 1 = 6 s per call and more under load.
    private const int DefaultConnectSeconds = 2;
    private const int DefaultCommandSeconds = 3;
    private const int DefaultCancellationMilliseconds = -1;

    /// <summary>
    /// The pooled catalog data source (with Aspire's traces and metrics), tuned for short reads: statements
    /// prepared on first reuse and kept, a pool sized for the database's cores, and every wait on the server
    /// bounded. Also the database's readiness check and the tracker of its availability.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogDataSource(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(
            CatalogConnection.Name,
            // Aspire's check waits as long as the driver does; the service's own bounds the wait.
            configureSettings: settings => settings.DisableHealthChecks = true,
            configureDataSourceBuilder: dataSource =>
            {
                var settings = dataSource.ConnectionStringBuilder;
                var given = new DbConnectionStringBuilder { ConnectionString = dataSource.ConnectionString };
                // The service sets no session state, so a connection going back to the pool needs no DISCARD ALL,
                // which would also throw away the statements prepared on it.
                settings.NoResetOnClose = true;
                settings.MaxAutoPrepare = 32;
                // Every pooled connection is a server process competing for the database's cores: a few busy ones
                // answer more than many waiting ones (bench/ measured it). A connection string can still say otherwise.
                if (!IsGiven(given, "MaximumPoolSize", "MaxPoolSize"))
                {
                    settings.MaxPoolSize = DefaultMaxPoolSize;
                }

                // Timeout also bounds the wait for a free pooled connection.
                if (!IsGiven(given, "Timeout"))
                {
                    settings.Timeout = DefaultConnectSeconds;
                }

                if (!IsGiven(given, "CommandTimeout"))
                {
                    settings.CommandTimeout = DefaultCommandSeconds;
                }

                if (!IsGiven(given, "CancellationTimeout"))
                {
                    settings.CancellationTimeout = DefaultCancellationMilliseconds;
                }
            });

        builder.Services.AddSingleton<DatabaseAvailability>();
        builder.Services.AddHealthChecks().AddCheck<CatalogDatabaseHealthCheck>(CatalogDatabaseHealthCheck.Name);
        // Every failed probe would be an error line with the same reason; DatabaseAvailability logs the changes.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        return builder;
    }

    // Npgsql takes every keyword with or without its spaces ("Command Timeout", "CommandTimeout"), in any case.
    private static bool IsGiven(DbConnectionStringBuilder given, params string[] keywords) =>
        given.Keys.Cast<string>().Any(key => keywords.Contains(key.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase));
}
