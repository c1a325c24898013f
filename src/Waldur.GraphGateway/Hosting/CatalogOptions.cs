using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// Which Waldur lists the schema serves (<see cref="CatalogSelection"/>): <c>Catalog:Include</c> (default: the reviewed
/// lists) minus <c>Catalog:Exclude</c>, each a comma-separated list of <c>*</c>, <c>reviewed</c>, root connection field
/// names, tags (<c>marketplace</c>, <c>openstack</c>) or nested connections as <c>Type.field</c>.
/// </summary>
internal sealed class CatalogOptions : IValidatableObject
{
    public const string Section = "Catalog";

    public string? Include { get; set; }

    public string? Exclude { get; set; }

    /// <summary>A name the catalog does not know stops start-up, naming the key and the name.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        CatalogSelection.Select(Include, Exclude).Errors.Select(error => new ValidationResult(error));
}

[OptionsValidator]
internal sealed partial class CatalogOptionsValidator : IValidateOptions<CatalogOptions>;
