using Waldur.GraphGateway.Hosting;

// A table of contents: each concern is wired in Hosting/, in the order a request meets it.
var builder = WebApplication.CreateBuilder(ConfigurationReload.Off(args));

builder.AddQuietLoggingDefaults();

builder.AddEmbeddedEmulatorWhenNoWaldurUrl();
builder.Services.AddWaldurApi(builder.Configuration);
builder.Services.AddWaldurSchema(builder.Configuration);
builder.Services.AddGraphQLEndpoint(builder.Configuration);
builder.Services.AddHealthEndpoints();
builder.Services.AddCallerRateLimiting(builder.Configuration);
builder.AddGatewayTelemetry();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapTelemetryEndpoints();
app.MapGraphQLEndpoint();
app.UseCallerRateLimiting();

await app.RunAsync();
