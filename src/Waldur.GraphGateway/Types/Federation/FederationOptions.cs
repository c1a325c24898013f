using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Types.Federation;

/// <summary><c>Federation:*</c>: the Apollo Federation v2 subgraph surface (<c>_service</c>, <c>_entities</c>, <c>@key</c>).</summary>
internal sealed class FederationOptions
{
    public const string Section = "Federation";

    /// <summary>Off for deployments that are not composed into a federated supergraph.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Federation specification version linked with <c>@link</c>.</summary>
    [RegularExpression(@"^2\.\d+$", ErrorMessage = "Federation:Version must be a Federation 2 version such as 2.3.")]
    public string Version { get; set; } = "2.3";
}

[OptionsValidator]
internal sealed partial class FederationOptionsValidator : IValidateOptions<FederationOptions>;
