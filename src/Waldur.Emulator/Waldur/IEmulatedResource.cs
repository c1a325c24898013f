namespace Waldur.Emulator.Waldur;

/// <summary>
/// One emulated Waldur list endpoint, <c>{Prefix}/</c> and <c>{Prefix}/{uuid}/</c>. Everything generic (routing, content
/// negotiation, authentication, methods, paging, <c>Link</c>, <c>X-Result-Count</c>, HEAD, error bodies) is done by
/// <see cref="WaldurHandler"/> and <see cref="ResourceEndpoints"/>; a resource only reads its query and yields rows.
/// New resources are declared as a <see cref="ResourceTable{TRow}"/> (rows + filter table + orderings + default order).
/// </summary>
internal interface IEmulatedResource
{
    /// <summary>The list path without its trailing slash, e.g. <c>/api/digitalocean-sizes</c>.</summary>
    string Prefix { get; }

    /// <summary>The model's verbose name, used in <c>No Size matches the given query.</c> and OPTIONS (<c>Size List</c>).</summary>
    string ModelName { get; }

    /// <summary>Whether <c>{Prefix}/{uuid}/</c> exists (the 8.0.5 schema has no retrieve for events).</summary>
    bool HasDetail => true;

    /// <summary>Whether the list pages (its operation declares <c>page</c>). Lists that do not, such as DRF actions
    /// without a paginator, answer the whole array without <c>X-Result-Count</c> or <c>Link</c>.</summary>
    bool Paged => true;

    /// <summary>For a nested list, the 404 detail when the parent row it hangs off does not exist for the token; else null.</summary>
    string? MissingParent(string token) => null;

    /// <summary>The detail lookup as rows are keyed (U3: any uuid spelling becomes 32 lowercase hex), or null for the 404.</summary>
    string? Lookup(string raw) => UuidLookup.Normalize(raw);

    /// <summary>Reads the filter and ordering parameters (django-filter's form) for an authenticated token; errors make
    /// the request a 400.</summary>
    IResourceQuery Prepare(QueryString query, string token);
}

/// <summary>A validated query over one resource.</summary>
internal interface IResourceQuery
{
    /// <summary>Field → message, in the filter set's field order (U15, U21). Non-empty means 400.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Errors { get; }

    /// <summary>The rows a token can list, filtered and in list order.</summary>
    IResourceRows List(string token);

    /// <summary>The serialised row with this lookup (<see cref="IEmulatedResource.Lookup"/>) if it exists, is visible and matches the filters (U13);
    /// otherwise null (the 404 of U23).</summary>
    byte[]? Retrieve(string uuid, string token, string baseUrl);
}

/// <summary>A filtered, ordered list; rows are serialised only when a page needs them.</summary>
internal interface IResourceRows
{
    int Count { get; }

    byte[] Json(int index, string baseUrl);
}
