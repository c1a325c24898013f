namespace Waldur.Catalog.Model;

/// <summary>
/// One Waldur list resource, everything the gateway builds from it: the item type (<see cref="TypeName"/>, <see cref="Fields"/>),
/// its <c>where</c>/<c>order</c> inputs, the root connection <see cref="ListField"/> over <see cref="Path"/>, the lookups
/// <see cref="ByUuidField"/>/<see cref="ByUuidsField"/> (null: none), node and federation keys, and what the planner may
/// push down: <see cref="Filters"/>, <see cref="Orders"/> (<c>o</c> keys), <see cref="DefaultOrder"/> (Waldur's order without
/// <c>o</c>, ascending; null when unknown), <see cref="Batch"/>, and <see cref="ScanForLookups"/> (the whole list is a page or
/// two, so any by-uuid batch reads the list instead of one <c>GET</c> per key), and <see cref="SparseFields"/> (the list and
/// retrieve accept <c>field=</c>: Waldur then sends only the named fields). <see cref="Noun"/>/<see cref="NounPlural"/> word the
/// descriptions. Generated from Waldur's OpenAPI plus reviewed overrides (Waldur.Catalog.Generator); never edited by hand.
/// <para>Lists nobody reviewed (<c>WaldurCatalog.All</c>) add three things. <see cref="FollowWaldurOrder"/>: without
/// <c>order</c>, rows come in Waldur's own order, as Waldur pages it (the catalog does not know that order's key), so a
/// page is one Waldur request instead of a scan. <see cref="Parent"/>: a nested list (<c>/api/customers/{customer_uuid}/users/</c>)
/// is the connection <see cref="ListField"/> on that type, its one path parameter filled with the parent's uuid; a
/// <see cref="Path"/> with parameters and no parent is a root connection taking them as arguments.</para>
/// </summary>
public sealed record ResourceDescriptor(
    string TypeName,
    string Description,
    string Noun,
    string NounPlural,
    string Path,
    string Tag,
    string ListOperationId,
    string? RetrieveOperationId,
    string ListField,
    string ListDescription,
    string? ByUuidField,
    string? ByUuidsField,
    bool Paged,
    IReadOnlyList<FieldDescriptor> Fields,
    IReadOnlyList<FilterDescriptor> Filters,
    IReadOnlyList<OrderDescriptor> Orders,
    string? DefaultOrder,
    BatchDescriptor? Batch,
    IReadOnlyList<ReverseConnectionDescriptor> ReverseConnections,
    bool ScanForLookups = false,
    bool SparseFields = false,
    bool FollowWaldurOrder = false,
    string? Parent = null);
