using MovieTrends.GraphQL.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGraphQLApi();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGraphQLApi();
app.Run();
