namespace Waldur.Catalog.Model;

/// <summary>
/// One property of a Waldur resource. <see cref="Name"/> is the GraphQL name (camelCase of <see cref="JsonName"/> unless an
/// override renames it). A field with <see cref="IsList"/> holds a JSON array of <see cref="Kind"/> values.
/// <see cref="Nullable"/> is the GraphQL nullability: a null or missing value of a non-null field makes the body unreadable.
/// <see cref="ReferenceOperationId"/> names the retrieve operation (Waldur's <c>x-waldur-operation-id</c>) of the
/// resource a <c>&lt;x&gt;_uuid</c> field points at; the schema makes it navigable when that resource is in the catalog, as
/// the field <see cref="ReferenceField"/> beside the raw value (<see cref="ReferenceFromUrl"/>: the value is the target's
/// URL, <c>…/{uuid}/</c>, not its uuid). <see cref="EnumValues"/> are the values Waldur allows (the spec's enum, in its
/// order); fields with the same values share the GraphQL enum <see cref="EnumType"/>. <see cref="Projectable"/> is false when
/// the list's <c>field=</c> choices lack the field: Waldur drops unknown names, so with <c>field=</c> it never sends it.
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
    string? ReferenceOperationId = null,
    string? ReferenceField = null,
    bool ReferenceFromUrl = false,
    IReadOnlyList<string>? EnumValues = null,
    string? EnumType = null,
    bool Projectable = true);
