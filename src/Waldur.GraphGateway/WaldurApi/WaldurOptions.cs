using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>Settings under <c>Waldur:*</c>; validated at start so a bad value stops start-up and names its key.</summary>
internal sealed class WaldurOptions : IValidatableObject
{
    public const string Section = "Waldur";

    /// <summary>Waldur's root, e.g. <c>https://waldur.example.org/</c>; the API paths (U1) are appended to it.</summary>
    [Required(ErrorMessage = BaseUrlMessage)]
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Optional: used only when a caller sends no <c>Authorization</c> header. A bare key is sent as
    /// <c>Token &lt;key&gt;</c> (U20); a value that already names a scheme (<c>Token …</c>, <c>Bearer …</c>) is sent as is.
    /// </summary>
    public string? ServiceToken { get; set; }

    /// <summary>
    /// Most Waldur calls (list pages, counts, single GETs) one HTTP request may make, whatever its fields, parents and
    /// batch items ask for; beyond it the fields that still need Waldur fail with <c>LIMIT_WALDUR_CALLS_EXCEEDED</c>.
    /// Reading and priming a full 300-row page costs the gateway about 5 ms of CPU here (measured), so 150 calls keep
    /// a request's reading under a second, while leaving room for four full 10,000-row scans or a page of 100 parents
    /// each with its own list.
    /// </summary>
    [SettingRange(1, 1_000_000, ErrorMessage = Section + ":" + nameof(MaxCallsPerRequest) + Settings.BeBetween)]
    public int MaxCallsPerRequest { get; set; } = 150;

    /// <summary>
    /// How long a list endpoint the connected Waldur lacks (404 in Django's page) is remembered as missing: fields reading
    /// it answer <c>WALDUR_ENDPOINT_UNAVAILABLE</c> without a call until then, so an upgraded Waldur is noticed after it.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Section + ":" + nameof(UnavailableEndpointTtl) + Settings.BeBetween)]
    public TimeSpan UnavailableEndpointTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Its own attributes are checked too (<see cref="ValidateObjectMembersAttribute"/>).</summary>
    [Required]
    [ValidateObjectMembers]
    public WaldurResilienceOptions Resilience { get; set; } = new();

    private const string BaseUrlMessage = Section + ":" + nameof(BaseUrl) + " must be an absolute http(s) URL.";

    /// <summary>The rules across fields that attributes cannot state.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && !(BaseUrl.IsAbsoluteUri && (BaseUrl.Scheme == Uri.UriSchemeHttp || BaseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(BaseUrlMessage);
        }

        const string resilience = Section + ":" + nameof(Resilience) + ":";
        if (Resilience.TotalTimeout < Resilience.AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{resilience}{nameof(Resilience.TotalTimeout)} must be at least {resilience}{nameof(Resilience.AttemptTimeout)}.");
        }

        if (Resilience.BreakerSamplingDuration < 2 * Resilience.AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{resilience}{nameof(Resilience.BreakerSamplingDuration)} must be at least twice {resilience}{nameof(Resilience.AttemptTimeout)}.");
        }
    }
}

[OptionsValidator]
internal sealed partial class WaldurOptionsValidator : IValidateOptions<WaldurOptions>;
