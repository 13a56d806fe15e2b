using MovieTrends.GraphQL.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGraphQLApi();
builder.AddChat();

var app = builder.Build();
app.UseProxyHopDataRates();
app.UseErrorReplies();
app.MapDefaultEndpoints();
app.MapGraphQLApi();
app.Run();
