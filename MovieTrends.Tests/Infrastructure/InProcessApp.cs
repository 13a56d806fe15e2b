using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using MovieTrends.Catalog;
using MovieTrends.Catalog.Migrations;
using MovieTrends.ServiceDefaults;
using MovieTrends.Tests.Faults;
using MovieTrends.Tests.GraphQL;
using Npgsql;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The fast layer's app: the GraphQL service and the web front end hosted in the test process by their own
/// Programs, over a private PostgreSQL loaded with the default catalog through the importer's own code, and
/// configured as the AppHost configures them. No orchestrator and no service processes: it starts in seconds.
/// Tests that need orchestration (start-up order, health, the import at start, the dashboard) use
/// <see cref="AppFixture"/>.
/// </summary>
public sealed class InProcessApp : IAsyncLifetime
{
    private PrivatePostgres? _database;
    private InProcessGraphQLService? _graphql;
    private InProcessWebFrontend? _web;

    /// <summary>The administrator's connection string of the catalog database, for tests that look at it directly.</summary>
    public string MovieDbConnectionString { get; private set; } = "";

    /// <summary>What the GraphQL service logs in with, as under the AppHost: its own role, which reads the catalog and writes chats.</summary>
    public string ServiceConnectionString { get; private set; } = "";

    /// <summary>A client for "graphql" or "web", as <see cref="AppFixture.CreateHttpClient"/> gives one.</summary>
    public HttpClient CreateHttpClient(string resourceName) => new()
    {
        BaseAddress = resourceName switch
        {
            "graphql" => Started(_graphql).Address,
            "web" => Started(_web).Address,
            _ => throw new ArgumentException($"The in-process app has no resource '{resourceName}'.", nameof(resourceName)),
        },
    };

    /// <summary>
    /// The spans the services' exporter captured. The exporter listens process-wide, so the web front end's spans
    /// are among them; a span's <c>server.port</c> tells which endpoint answered.
    /// </summary>
    public IReadOnlyList<Activity> CapturedActivities => Started(_graphql).Activities.Snapshot();

    /// <summary>The GraphQL service's own services, for tests that run a step of its pipeline alone.</summary>
    public IServiceProvider GraphQLServices => Started(_graphql).Services;

    /// <summary>The GraphQL service's HTTP/2-only cleartext endpoint, the one the web proxy is given.</summary>
    public Uri GraphQLH2cAddress => Started(_graphql).H2cAddress;

    public async Task InitializeAsync()
    {
        _database = await PrivatePostgres.StartAsync();
        var passwords = new CatalogRolePasswords(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        MovieDbConnectionString = await DefaultCatalogDatabase.CreateAsync(_database, passwords);
        ServiceConnectionString = new NpgsqlConnectionStringBuilder(MovieDbConnectionString)
        {
            Username = CatalogRoles.Service,
            Password = passwords.Service,
        }.ConnectionString;

        // What the AppHost gives the two services: the GraphQL service's database role, the Development environment
        // of their launch profiles, the shared proxy key, and no xAI key (the suite checks the offline analyst).
        var proxyKey = Guid.NewGuid().ToString("N");
        _graphql = await InProcessGraphQLService.StartAsync(
            ServiceConnectionString,
            builder => builder.UseSetting(ProxyHeaders.KeySetting, proxyKey).UseSetting("Chat:ApiKey", ""),
            Environments.Development);
        _web = new InProcessWebFrontend(_graphql.H2cAddress, new Dictionary<string, string?> { [ProxyHeaders.KeySetting] = proxyKey });
        _web.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_graphql is not null)
        {
            await _graphql.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static T Started<T>(T? host)
        where T : class =>
        host ?? throw new InvalidOperationException("The in-process app has not started.");
}

/// <summary>
/// The fast layer's tests share one <see cref="InProcessApp"/>, and one <see cref="ScratchDatabaseServer"/> for
/// those that need only scratch databases. They run one class at a time: the services' in-memory telemetry
/// exporters listen process-wide, so a test reading its host's traces must not run beside another host.
/// Mark each class with <c>[Trait("Layer", "Fast")]</c> too, so <c>dotnet test --filter Layer=Fast</c> runs
/// the layer alone.
/// </summary>
[CollectionDefinition("in-process app")]
public sealed class InProcessAppCollection : ICollectionFixture<InProcessApp>, ICollectionFixture<ScratchDatabaseServer>;
