using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MovieTrends.GraphQL.Catalog;
using Npgsql;

namespace MovieTrends.Tests.Faults;

/// <summary>The waits on the database the service bounds, and the readiness check it uses instead of Aspire's unbounded one.</summary>
public sealed class DatabaseBoundsSettingsTests
{
    private const string Given = "Host=db.invalid;Database=moviedb;Username=reader;Password=secret";

    [Fact]
    public void Every_wait_on_the_server_is_bounded_inside_the_operation_budget()
    {
        var settings = Settings(Given);

        Assert.Equal((2, 3, 1000), (settings.Timeout, settings.CommandTimeout, settings.CancellationTimeout));
    }

    [Fact]
    public void Bounds_in_the_connection_string_win()
    {
        var settings = Settings(Given + ";Timeout=9;Command Timeout=60;Cancellation Timeout=-1");

        Assert.Equal((9, 60, -1), (settings.Timeout, settings.CommandTimeout, settings.CancellationTimeout));
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
        builder.Configuration["ConnectionStrings:moviedb"] = connectionString;
        builder.AddServiceDefaults();
        builder.AddCatalogDataSource();
        return builder.Build();
    }
}
