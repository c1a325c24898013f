using Waldur.Emulator.Data;
using Waldur.Emulator.Waldur.Generic;
using Waldur.Emulator.Waldur.Resources;

namespace Waldur.Emulator.Waldur;

/// <summary>The emulated resources, matched by path prefix, and every other list of the spec served generically.
/// Adding a resource is one line here plus its table; it then replaces the generic list of its path.</summary>
internal sealed class ResourceRegistry
{
    public ResourceRegistry(EmulatorDataset dataset, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Resources = Tables(dataset);
        Generic = new GenericLists(Resources, options.Seed, options.GenericMaxRows, options.Tokens.Count > 0 ? options.Tokens[0] : null);
    }

    public IReadOnlyList<IEmulatedResource> Resources { get; }

    /// <summary>The spec's list operations no table serves (<c>Schemas/list-operations.json</c>).</summary>
    public GenericLists Generic { get; }

    private static IEmulatedResource[] Tables(EmulatorDataset dataset) =>
    [
        DigitalOceanImages.Table(dataset),
        DigitalOceanRegions.Table(dataset),
        DigitalOceanSizes.Table(dataset),
        DigitalOceanDroplets.Table(dataset),
        CoreStructure.Customers(dataset),
        CoreStructure.Projects(dataset),
        CoreStructure.Users(dataset),
        CoreMarketplace.Resources(dataset),
        CoreMarketplace.Orders(dataset),
        CoreMarketplace.Offerings(dataset, provider: false),
        CoreMarketplace.Offerings(dataset, provider: true),
        CoreMarketplace.Categories(dataset),
        CoreMarketplace.ServiceProviders(dataset),
        CoreMarketplace.Plans(dataset),
        CoreOpenStack.Invoices(dataset),
        CoreOpenStack.Events(dataset),
        CoreOpenStack.Instances(dataset),
        CoreOpenStack.Tenants(dataset),
        CoreOpenStack.Volumes(dataset),
    ];
}
