using MovieTrends.AppHost;
using MovieTrends.AppHost.Dashboard;
using MovieTrends.AppHost.Postgres;
using MovieTrends.Catalog;

var builder = DistributedApplication.CreateBuilder(args);

var moviedb = builder.AddPostgresDatabase("postgres", CatalogConnection.Name);
var rolePasswords = builder.AddDatabaseRolePasswords();

// One-shot: applies migrations and loads the default data when the catalog is empty, then exits.
// Deployed, it is a Container Apps job that each deployment starts once.
var ingest = builder.AddProject<Projects.MovieTrends_Ingest>("ingest")
    .WithIngestLogins(moviedb, rolePasswords)
    .WaitFor(moviedb)
    .WithDefaultDataFile()
    .PublishAsContainerAppJob();
if (!builder.ExecutionContext.IsPublishMode)
{
    // Dashboard commands run the importer from this machine's build: a run-time convenience, not part of a deployment.
    ingest.WithImportCommands(moviedb, builder.DefaultDataFilePath());
}

// The web proxy sends the browser's address with this shared key; the API believes the address only with it.
var proxyKey = builder.AddProxyKey();
const string ProxyKeyVariable = "Proxy__Key";

var graphql = builder.AddProject<Projects.MovieTrends_GraphQL>("graphql")
    .WithServiceLogin(moviedb, rolePasswords)
    .WaitForCompletion(ingest)
    .WithEnvironment("Chat__ApiKey", builder.AddXaiApiKey())
    .WithEnvironment(ProxyKeyVariable, proxyKey)
    .WithHttpHealthCheck("/health")
    .WithGraphQLUrls()
    .WithClearCachesCommand(moviedb)
    .WithConfiguredReplicas();

// The proxy reaches the API on its HTTP/2 cleartext endpoint only (see GraphQLEndpoints).
builder.AddProject<Projects.MovieTrends_Web>("web")
    .WithReference(graphql.GetEndpoint(GraphQLEndpoints.H2c))
    .WaitFor(graphql)
    .WithEnvironment(ProxyKeyVariable, proxyKey)
    .WithHttpHealthCheck("/health")
    .WithWebUrls();

builder.Build().Run();
