using Waldur.Emulator.Data;
using Waldur.Emulator.Waldur.Resources;

namespace Waldur.Emulator.Waldur;

/// <summary>The emulated resources, matched by path prefix. Adding a resource is one line here plus its table.</summary>
internal sealed class ResourceRegistry(EmulatorDataset dataset, JsonCache json)
{
    public IReadOnlyList<IEmulatedResource> Resources { get; } =
    [
        new DigitalOceanImages(dataset, json),
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
