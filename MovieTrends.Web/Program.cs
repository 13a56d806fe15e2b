var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStaticPage();
builder.AddGraphQLProxy();

var app = builder.Build();

app.UseErrorReplies();
app.UseSecurityHeaders();
app.UseStaticPage();
app.MapGraphQLProxy();
app.MapDefaultEndpoints();

app.Run();
