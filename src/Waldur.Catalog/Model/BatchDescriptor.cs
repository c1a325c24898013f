namespace Waldur.Catalog.Model;

/// <summary>
/// A filter that selects many rows by uuid in one request (e.g. <c>uuid_list</c>, or a CSV filter): a by-uuid batch of
/// this resource is one list request with <see cref="Parameter"/> instead of one <c>GET …/{uuid}/</c> per key.
/// <see cref="Lookup"/> is <see cref="FilterLookup.CsvMulti"/> or <see cref="FilterLookup.RepeatedMulti"/>.
/// </summary>
public sealed record BatchDescriptor(string Parameter, FilterLookup Lookup);
