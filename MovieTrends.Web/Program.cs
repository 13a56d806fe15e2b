var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGraphQLProxy();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDefaultFiles();
// After the default-file rewrite, so "/" is routed as "/index.html".
app.UseRouting();
app.MapStaticAssets();
app.MapGraphQLProxy();
app.MapDefaultEndpoints();

app.Run();
