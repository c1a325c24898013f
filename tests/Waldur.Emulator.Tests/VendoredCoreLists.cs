using Microsoft.OpenApi.Models;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The 15 core lists, whose rows the emulator writes from <c>core-schemas.json</c> (made by the catalog generator),
/// and their item schemas as a second OpenAPI library reads the vendored spec.
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
    public static OpenApiSchema ItemSchema(string path) =>
        VendoredSpec.Document.Paths[path].Operations[OperationType.Get].Responses["200"].Content["application/json"].Schema.Items;
}
