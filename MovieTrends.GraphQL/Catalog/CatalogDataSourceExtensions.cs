using System.Data.Common;

namespace MovieTrends.GraphQL.Catalog;

public static class CatalogDataSourceExtensions
{
    private const string ConnectionName = "moviedb";
    private const string MaxPoolSizeKeyword = "Maximum Pool Size";
    private const int DefaultMaxPoolSize = 16;

    /// <summary>
    /// The pooled "moviedb" data source (with Aspire's health check, traces and metrics), tuned for short reads:
    /// statements prepared on first reuse and kept, and a pool sized for the database's cores.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogDataSource(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ConnectionName, configureDataSourceBuilder: dataSource =>
        {
            var settings = dataSource.ConnectionStringBuilder;
            // The service sets no session state, so a connection going back to the pool needs no DISCARD ALL,
            // which would also throw away the statements prepared on it.
            settings.NoResetOnClose = true;
            settings.MaxAutoPrepare = 32;
            // Every pooled connection is a server process competing for the database's cores: a few busy ones
            // answer more than many waiting ones (bench/ measured it). A connection string can still say otherwise.
            if (!new DbConnectionStringBuilder { ConnectionString = dataSource.ConnectionString }.ContainsKey(MaxPoolSizeKeyword))
            {
                settings.MaxPoolSize = DefaultMaxPoolSize;
            }
        });
        return builder;
    }
}
