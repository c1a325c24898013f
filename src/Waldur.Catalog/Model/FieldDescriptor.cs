namespace Waldur.Catalog.Model;

/// <summary>
/// One property of a Waldur resource. <see cref="Name"/> is the GraphQL name (camelCase of <see cref="JsonName"/> unless an
/// override renames it). A field with <see cref="IsList"/> holds a JSON array of <see cref="Kind"/> values.
/// <see cref="Nullable"/> is the GraphQL nullability: a null or missing value of a non-null field makes the body unreadable.
/// <see cref="ReferenceOperationId"/> names the retrieve operation (Waldur's <c>x-waldur-operation-id</c>) of the
/// resource a <c>&lt;x&gt;_uuid</c> field points at; the schema makes it navigable when that resource is in the catalog.
/// </summary>
public sealed record FieldDescriptor(
    string Name,
    string JsonName,
    ValueKind Kind,
    bool Nullable,
    string Description,
    bool IsList = false,
    string? ObjectType = null,
    bool Filterable = true,
    bool Sortable = true,
    string? FilterDescription = null,
    string? ReferenceOperationId = null);
