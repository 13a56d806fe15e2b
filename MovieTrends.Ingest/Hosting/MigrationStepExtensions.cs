using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using Npgsql;

namespace MovieTrends.Ingest.Hosting;

/// <summary>
/// The migration runner and the login it runs with. A deployment gives the importer two: its own role
/// (<c>ConnectionStrings:moviedb</c>) for the import, and the administrator's (<c>ConnectionStrings:moviedb-admin</c>)
/// for the migration step alone, with the passwords that step gives the apps' roles. Without the administrator's,
/// migrations run with the importer's connection, as on a developer's database.
/// </summary>
public static class MigrationStepExtensions
{
    private const string MigrationLoginKey = "migration-login";

    public static IHostApplicationBuilder AddMigrationStep(this IHostApplicationBuilder builder)
    {
        var administrator = builder.Configuration.GetConnectionString(CatalogConnection.MigrationName);
        if (!string.IsNullOrWhiteSpace(administrator))
        {
            // Not pooled and not traced: one connection per run, closed when the step ends, so the importer holds no
            // administrator session during the import, and no span records the role statements.
            var settings = new NpgsqlConnectionStringBuilder(administrator) { Pooling = false };
            builder.Services.AddKeyedSingleton(MigrationLoginKey, (_, _) => NpgsqlDataSource.Create(settings.ConnectionString));
        }

        builder.Services.AddSingleton(services => new MigrationRunner(
            services.GetKeyedService<NpgsqlDataSource>(MigrationLoginKey) ?? services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<ILogger<MigrationRunner>>(),
            RolePasswords(services.GetRequiredService<IConfiguration>())));
        return builder;
    }

    private static CatalogRolePasswords? RolePasswords(IConfiguration configuration)
    {
        var ingest = configuration[CatalogRolePasswords.IngestSetting];
        var service = configuration[CatalogRolePasswords.ServiceSetting];
        if (string.IsNullOrEmpty(ingest) != string.IsNullOrEmpty(service))
        {
            throw new InvalidOperationException(
                $"Set both {CatalogRolePasswords.IngestSetting} and {CatalogRolePasswords.ServiceSetting} (the roles' passwords), or neither.");
        }

        return string.IsNullOrEmpty(ingest) ? null : new CatalogRolePasswords(ingest, service!);
    }
}
