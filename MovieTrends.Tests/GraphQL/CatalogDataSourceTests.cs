using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.Tests.GraphQL;

/// <summary>The catalog's connection settings: what the service adds to the connection string it is given.</summary>
[Trait("Layer", "Fast")]
public sealed class CatalogDataSourceTests
{
    private const string Given = "Host=db.invalid;Database=moviedb;Username=reader;Password=secret";

    [Fact]
    public void Connections_keep_their_prepared_statements_and_the_pool_is_sized_for_a_small_server()
    {
        var settings = Settings(Given);

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(32, settings.MaxAutoPrepare);
        Assert.Equal(16, settings.MaxPoolSize);
        Assert.Equal(("db.invalid", "reader"), (settings.Host, settings.Username));
    }

    [Fact]
    public void A_pool_size_in_the_connection_string_wins()
    {
        Assert.Equal(40, Settings(Given + ";Maximum Pool Size=40").MaxPoolSize);
    }

    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{CatalogConnection.Name}"] = connectionString;
        builder.AddCatalogDataSource();
        using var host = builder.Build();
        return new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }
}
