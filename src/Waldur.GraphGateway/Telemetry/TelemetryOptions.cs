using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Telemetry;

/// <summary><c>Telemetry:*</c>: the Prometheus scrape endpoint. OTLP export follows the standard <c>OTEL_*</c> variables.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    private const string PathMessage = Section + ":" + nameof(PrometheusPath) + " must start with '/'.";

    /// <summary>Serve the metrics in Prometheus text format.</summary>
    public bool PrometheusEndpoint { get; set; } = true;

    /// <summary>Where the Prometheus text is served.</summary>
    [Required(ErrorMessage = PathMessage)]
    [RegularExpression("^/.*", ErrorMessage = PathMessage)]
    public string PrometheusPath { get; set; } = "/metrics";
}

[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
