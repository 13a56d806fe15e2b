namespace MovieTrends.AppHost.Postgres;

/// <summary>
/// A PostgreSQL server run from the binaries installed on this machine, for machines without a
/// container runtime. It exposes the same connection string shape as the container resource.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, LocalPostgresCluster cluster, ParameterResource password)
    : ExecutableResource(name, command, cluster.DataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The superuser <c>initdb</c> creates; the same name the container image uses.</summary>
    public const string UserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The data folder and the binaries this server runs from.</summary>
    public LocalPostgresCluster Cluster { get; } = cluster;

    /// <summary>The superuser's password, set on the server each time it starts.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Databases to create once the server accepts connections: resource name to database name.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
