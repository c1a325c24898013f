using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// Which Waldur lists the schema serves (<see cref="CatalogSelection"/>): <c>Catalog:Include</c> (default: the reviewed
/// lists) minus <c>Catalog:Exclude</c>, each a comma-separated list of <c>*</c>, <c>reviewed</c>, root connection field
/// names, tags (<c>marketplace</c>, <c>openstack</c>) or nested connections as <c>Type.field</c>.
/// </summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public string? Include { get; set; }

    public string? Exclude { get; set; }
}

/// <summary>Stops start-up on a name the catalog does not know, naming the key and the name.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = CatalogSelection.Select(options.Include, options.Exclude).Errors;
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
