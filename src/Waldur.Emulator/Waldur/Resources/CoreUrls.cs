using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary>Relative detail paths of core rows (made absolute with the request's base, U6) and shared helpers.</summary>
internal static class CoreUrls
{
    public const string Structure = "waldur_core/structure/filters.py";
    public const string Marketplace = "waldur_mastermind/marketplace/filters.py";

    public static string Customer(CoreCustomer c) => $"/api/customers/{c.Uuid}/";
    public static string Project(CoreProject p) => $"/api/projects/{p.Uuid}/";
    public static string User(CoreUser u) => $"/api/users/{u.Uuid}/";
    public static string Offering(CoreOffering o) => $"/api/marketplace-provider-offerings/{o.Uuid}/";
    public static string PublicOffering(CoreOffering o) => $"/api/marketplace-public-offerings/{o.Uuid}/";
    public static string Category(CoreCategory c) => $"/api/marketplace-categories/{c.Uuid}/";
    public static string Provider(CoreServiceProvider p) => $"/api/marketplace-service-providers/{p.Uuid}/";
    public static string Plan(CorePlan p) => $"/api/marketplace-plans/{p.Uuid}/";
    public static string Resource(CoreResource r) => $"/api/marketplace-resources/{r.Uuid}/";
    public static string Tenant(CoreTenant t) => $"/api/openstack-tenants/{t.Uuid}/";
    public static string Instance(CoreInstance i) => $"/api/openstack-instances/{i.Uuid}/";
    public static string Volume(CoreVolume v) => $"/api/openstack-volumes/{v.Uuid}/";
    public static string Settings(CoreServiceSettings s) => $"/api/service-settings/{s.Uuid}/";

    public static int Ordinal(string? x, string? y) => string.CompareOrdinal(x, y);

    /// <summary>Django orders NULLs last ascending on PostgreSQL.</summary>
    public static int NullsLast<T>(T? x, T? y)
        where T : struct, IComparable<T> =>
        x is null ? (y is null ? 0 : 1) : y is null ? -1 : x.Value.CompareTo(y.Value);
}
