using Microsoft.OpenApi;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The 15 core lists, whose rows the emulator writes from <c>core-schemas.json</c> (made by the catalog generator),
/// and their item schemas as the vendored spec has them.
/// </summary>
public static class VendoredCoreLists
{
    public static readonly string[] Paths =
    [
        "/api/customers/", "/api/projects/", "/api/users/", "/api/marketplace-resources/", "/api/marketplace-orders/",
        "/api/marketplace-public-offerings/", "/api/marketplace-provider-offerings/", "/api/marketplace-categories/",
        "/api/marketplace-service-providers/", "/api/marketplace-plans/", "/api/invoices/", "/api/events/",
        "/api/openstack-instances/", "/api/openstack-tenants/", "/api/openstack-volumes/",
    ];

    /// <summary>The item schema of a list path.</summary>
    public static IOpenApiSchema ItemSchema(string path) => VendoredLists.ItemSchema(VendoredSpec.Document.Paths[path].Operations![HttpMethod.Get]);
}
