using GraphQL.Validation;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Waldur.GraphGateway.Http;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// OpenTelemetry (issue 15): the gateway's spans and the HTTP server and client spans, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the gateway's, ASP.NET Core's, HttpClient's and Polly's metrics, served to
/// Prometheus and exported over OTLP; the trace id on every log line of a request. Nothing is collected when neither
/// an exporter nor the Prometheus endpoint is on.
/// </summary>
internal static class TelemetryHosting
{
    public const string DefaultServiceName = "waldur-graphgateway";

    /// <summary>Call after <c>AddWaldurApi</c>: the attempt handler must join the Waldur client after (inside) its resilience pipeline.</summary>
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(configuration, TelemetryOptions.Section);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The trace id travels as a scope, which the console prints only with IncludeScopes: on unless configured off.
        var includeScopes = configuration.GetValue("Logging:Console:FormatterOptions:IncludeScopes", true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = includeScopes);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = includeScopes);

        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var prometheus = settings.PrometheusEndpoint;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp)
        {
            return builder;
        }

        builder.Services.Configure<HttpClientFactoryOptions>(nameof(IWaldurClient),
            o => o.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new WaldurAttemptHandler())));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayTelemetry.Name, "Polly").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            builder.Services.AddSingleton<IDocumentValidator>(new TracedDocumentValidator(new DocumentValidator()));
            telemetry.WithTracing(tracing => tracing
                .AddSource(GatewayTelemetry.Name)
                // Scrapes are not traced: one span a second per Prometheus would drown the operations.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.Equals(settings.PrometheusPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddProcessor(new OutgoingCallSpanProcessor())
                .AddOtlpExporter());
        }

        return builder;
    }

    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEndpoint)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }
}
