namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// A filterable/sortable field of a resource row. <see cref="Get"/> returns the normalised value (see
/// <see cref="FieldFilter"/>); for <see cref="FieldKind.List"/> it returns the elements, described by <see cref="Elements"/>.
/// </summary>
internal sealed record FieldDefinition(string Name, FieldKind Kind, Func<object, object?> Get, FieldSet? Elements = null);
