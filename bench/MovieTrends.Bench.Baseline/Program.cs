using MovieTrends.Bench.Baseline;

// The ceiling the benchmark compares against: the same request the GraphQL service gets (a POST, or a GET as
// the web page sends), answered with fixed bytes, so every other figure can be read as a share of what this
// machine can serve at all.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var response = FixedResponse.OfSize(builder.Configuration.GetValue("Baseline:ResponseBytes", 1024));

var app = builder.Build();
app.MapMethods("/graphql", ["GET", "POST"], () => Results.Bytes(response, "application/graphql-response+json"));
app.MapGet("/health", () => "Healthy");
app.Run();
