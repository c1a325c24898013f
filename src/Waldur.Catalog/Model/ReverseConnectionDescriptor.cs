namespace Waldur.Catalog.Model;

/// <summary>
/// A connection on this resource's type over the rows of <see cref="SourceType"/> that point back at it through
/// <see cref="ViaField"/>: a list of nested objects (the row embeds this resource) or a uuid reference field.
/// It takes every argument of the source's root connection; the link is one more filter, pushed down when Waldur has it.
/// <para><see cref="Ancestors"/>: fields both types hold (<c>projectUuid</c>, <c>customerUuid</c>) whose value on every
/// source row equals the parent's, by Waldur's code (reviewed, cited in the overrides). Where Waldur filters the source
/// by one ancestor value only, the children of several parents sharing it are one list request.</para>
/// </summary>
public sealed record ReverseConnectionDescriptor(string Name, string SourceType, string ViaField, string Description, IReadOnlyList<string>? Ancestors = null)
{
    /// <summary>The ancestor fields, nearest first (empty when none is declared).</summary>
    public IReadOnlyList<string> AncestorFields => Ancestors ?? [];
}
