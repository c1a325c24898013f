namespace Waldur.Catalog.Model;

/// <summary>
/// A connection on this resource's type over the rows of <see cref="SourceType"/> that point back at it through
/// <see cref="ViaField"/>: a list of nested objects (the row embeds this resource) or a uuid reference field.
/// It takes every argument of the source's root connection; the link is one more filter, pushed down when Waldur has it.
/// </summary>
public sealed record ReverseConnectionDescriptor(string Name, string SourceType, string ViaField, string Description);
