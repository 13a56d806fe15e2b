using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Database;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>The waits on the database the service bounds, and the readiness check it uses instead of Aspire's unbounded one.</summary>
[Trait("Layer", "Fast")]
public sealed class DatabaseBoundsSettingsTests
{
    private const string Given = "Host=db.invalid;Database=moviedb;Username=reader;Password=secret";

    [Fact]
    public void Every_wait_on_the_server_is_bounded_inside_the_operation_budget()
    {
        var settings = Settings(Given);

        Assert.Equal((2, 3, -1), (settings.Timeout, settings.CommandTimeout, settings.CancellationTimeout));
    }

    [Theory]
    [InlineData(";Timeout=9;Command Timeout=60;Cancellation Timeout=500;Maximum Pool Size=40")]
    [InlineData(";timeout=9;CommandTimeout=60;CANCELLATIONTIMEOUT=500;MaxPoolSize=40")]
    [InlineData(";Timeout=9;commandtimeout=60;Cancellation Timeout=500;maximum pool size=40")]
    public void Bounds_in_the_connection_string_win_however_they_are_spelt(string bounds)
    {
        var settings = Settings(Given + bounds);

        Assert.Equal((9, 60, 500, 40), (settings.Timeout, settings.CommandTimeout, settings.CancellationTimeout, settings.MaxPoolSize));
    }

    [Fact]
    public void Readiness_has_one_database_check_and_it_is_the_bounded_one()
    {
        using var host = Build(Given);
        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var check = Assert.Single(registrations, registration => registration.Name != "self");
        Assert.Equal(CatalogDatabaseHealthCheck.Name, check.Name);
        Assert.IsType<CatalogDatabaseHealthCheck>(check.Factory(host.Services));
    }

    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        using var host = Build(connectionString);
        return new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }

    private static IHost Build(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{CatalogConnection.Name}"] = connectionString;
        builder.AddServiceDefaults();
        builder.AddCatalogDataSource();
        return builder.Build();
    }
}
