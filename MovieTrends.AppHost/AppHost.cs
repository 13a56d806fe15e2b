var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var moviedb = postgres.AddDatabase("moviedb");

var ingest = builder.AddProject<Projects.MovieTrends_Ingest>("ingest")
    .WithReference(moviedb)
    .WaitFor(moviedb);

var graphql = builder.AddProject<Projects.MovieTrends_GraphQL>("graphql")
    .WithReference(moviedb)
    .WaitForCompletion(ingest);

builder.AddProject<Projects.MovieTrends_Web>("web")
    .WithReference(graphql)
    .WaitFor(graphql);

builder.Build().Run();
