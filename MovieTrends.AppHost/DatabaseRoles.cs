using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;

namespace MovieTrends.AppHost;

/// <summary>
/// Least privilege in the database (migration 0006): the importer logs in as the catalog's owner role, the
/// GraphQL service as its read-and-chat role, each with a generated password, and only the importer's migration
/// step gets the administrator login, to give those roles their logins. The same settings reach the deployment.
/// </summary>
internal static class DatabaseRoles
{
    // Same generation as the proxy key: letters and digits only, so a password needs no quoting anywhere.
    private static readonly GenerateParameterDefault GeneratedPassword = new() { MinLength = 32, Special = false };

    public sealed record Passwords(IResourceBuilder<ParameterResource> Ingest, IResourceBuilder<ParameterResource> Service);

    /// <summary>The roles' passwords: generated, secret, and kept by the deployment (azd) once generated.</summary>
    public static Passwords AddDatabaseRolePasswords(this IDistributedApplicationBuilder builder) => new(
        builder.AddParameter("moviedb-ingest-password", GeneratedPassword, secret: true),
        builder.AddParameter("moviedb-graphql-password", GeneratedPassword, secret: true));

    /// <summary>The importer: its own role for the import; the administrator login and both passwords for the migration step.</summary>
    public static IResourceBuilder<ProjectResource> WithIngestLogins(
        this IResourceBuilder<ProjectResource> ingest, IResourceBuilder<IResourceWithConnectionString> moviedb, Passwords passwords) =>
        ingest
            .WithEnvironment($"ConnectionStrings__{CatalogConnection.Name}", RoleConnectionString(moviedb, CatalogRoles.Ingest, passwords.Ingest))
            .WithEnvironment($"ConnectionStrings__{CatalogConnection.MigrationName}", moviedb)
            .WithEnvironment(EnvironmentName(CatalogRolePasswords.IngestSetting), passwords.Ingest)
            .WithEnvironment(EnvironmentName(CatalogRolePasswords.ServiceSetting), passwords.Service);

    /// <summary>The GraphQL service: its read-and-chat role, never the administrator.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceLogin(
        this IResourceBuilder<ProjectResource> graphql, IResourceBuilder<IResourceWithConnectionString> moviedb, Passwords passwords) =>
        graphql.WithEnvironment($"ConnectionStrings__{CatalogConnection.Name}", RoleConnectionString(moviedb, CatalogRoles.Service, passwords.Service));

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    // The administrator's connection string with the user and password replaced: a later keyword wins in Npgsql.
    private static ReferenceExpression RoleConnectionString(
        IResourceBuilder<IResourceWithConnectionString> moviedb, string role, IResourceBuilder<ParameterResource> password) =>
        ReferenceExpression.Create($"{moviedb.Resource.ConnectionStringExpression};Username={role};Password={password.Resource}");
}
