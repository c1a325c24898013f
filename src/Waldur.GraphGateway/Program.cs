using Waldur.GraphGateway.Hosting;

// A table of contents: each concern is wired in Hosting/, in the order a request meets it.
var builder = WebApplication.CreateBuilder(args);

builder.AddQuietLoggingDefaults();

builder.AddEmbeddedEmulatorWhenNoWaldurUrl();
builder.Services.AddWaldurApi(builder.Configuration);
builder.Services.AddWaldurSchema(builder.Configuration);
builder.Services.AddGraphQLEndpoint(builder.Configuration);
builder.Services.AddHealthEndpoints();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapGraphQLEndpoint();

await app.RunAsync();
