namespace MovieTrends.Catalog;

/// <summary>
/// The catalog database's name: the Aspire database resource, the connection string key
/// (<c>ConnectionStrings:moviedb</c>) and the service's readiness check all use it. The Azure deployment
/// (infra/) names its database the same; bicep cannot read C#, so it states the name on its own.
/// </summary>
public static class CatalogConnection
{
    public const string Name = "moviedb";

    /// <summary>
    /// The migration step's connection string (<c>ConnectionStrings:moviedb-admin</c>): the administrator login,
    /// which creates the apps' roles. Only the importer gets it, and uses it for migrations alone.
    /// </summary>
    public const string MigrationName = Name + "-admin";
}
