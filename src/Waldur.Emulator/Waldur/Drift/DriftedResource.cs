using System.Text;
using System.Text.Json.Nodes;

namespace Waldur.Emulator.Waldur.Drift;

/// <summary>
/// A resource as Waldur 7.0.7 serves it (<see cref="Waldur7Drift"/>): unpaged where 7.0.7 does not paginate,
/// parameters 7.0.7 does not declare dropped before the filter set reads them, <c>o</c> keys it does not know rejected,
/// rows rewritten. Everything else is the wrapped resource's.
/// </summary>
internal sealed class DriftedResource(IEmulatedResource inner) : IEmulatedResource
{
    public string Prefix => inner.Prefix;

    public string ModelName => inner.ModelName;

    public bool HasDetail => inner.HasDetail;

    public bool Paged => inner.Paged && !Waldur7Drift.Unpaged(inner.Prefix);

    public string? MissingParent(string token) => inner.MissingParent(token);

    public string? Lookup(string raw) => inner.Lookup(raw);

    public IResourceQuery Prepare(QueryString query, string token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uuidOnly = Waldur7Drift.UuidOnlyParameters(Prefix);
        IReadOnlySet<string> ignored = uuidOnly.Count == 0
            ? Waldur7Drift.IgnoredParameters(Prefix)
            : new HashSet<string>([.. Waldur7Drift.IgnoredParameters(Prefix), .. uuidOnly], StringComparer.Ordinal);
        // Waldur computes a row's values from the model whatever field= says, then drops the unasked keys: rows that
        // are rewritten are read whole (the rewrite may need keys field= leaves out) and projected after it.
        var fields = Waldur7Drift.RewritesRows(Prefix) ? query.All("field").SelectMany(f => f.Split(',')).ToHashSet(StringComparer.Ordinal) : [];
        if (fields.Count > 0)
        {
            ignored = new HashSet<string>(ignored, StringComparer.Ordinal) { "field" };
        }

        var prepared = inner.Prepare(ignored.Count == 0 ? query : query.Without(ignored), token);
        var notUuid = uuidOnly.FirstOrDefault(p => query.Last(p) is { Length: > 0 } value && UuidLookup.Normalize(value) is null);
        if (notUuid is not null)
        {
            return new Query(prepared, Prefix, [.. prepared.Errors, new(notUuid, "Enter a valid UUID.")], fields);
        }

        var rejected = Waldur7Drift.RejectedOrderKeys(Prefix);
        var bad = query.Last("o")?.Split(',').FirstOrDefault(term => rejected.Contains(term.TrimStart('-')));
        if (bad is not null)
        {
            // django-filter's OrderingFilter reports the first unknown term; 7.0.7's choices lack these keys (C5a).
            IReadOnlyList<KeyValuePair<string, string>> errors =
            [
                .. prepared.Errors.Where(e => e.Key != "o"),
                new("o", $"Select a valid choice. {bad} is not one of the available choices."),
            ];
            return new Query(prepared, Prefix, errors, fields);
        }

        return Waldur7Drift.RewritesRows(Prefix) ? new Query(prepared, Prefix, prepared.Errors, fields) : prepared;
    }

    private sealed class Query(IResourceQuery inner, string prefix, IReadOnlyList<KeyValuePair<string, string>> errors, IReadOnlySet<string> fields)
        : IResourceQuery
    {
        public IReadOnlyList<KeyValuePair<string, string>> Errors => errors;

        public IResourceRows List(string token) => new Rows(inner.List(token), prefix, fields);

        public byte[]? Retrieve(string uuid, string token, string baseUrl) =>
            inner.Retrieve(uuid, token, baseUrl) is { } body ? Rewrite(prefix, body, fields) : null;
    }

    private sealed class Rows(IResourceRows inner, string prefix, IReadOnlySet<string> fields) : IResourceRows
    {
        public int Count => inner.Count;

        public byte[] Json(int index, string baseUrl) => Rewrite(prefix, inner.Json(index, baseUrl), fields);
    }

    // Rewritten rows are re-serialised without escaping non-ASCII text, as DRF's JSONRenderer (ensure_ascii=False).
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Rewrite(string prefix, byte[] json, IReadOnlySet<string>? fields = null)
    {
        if (!Waldur7Drift.RewritesRows(prefix) || JsonNode.Parse(json) is not JsonObject row)
        {
            return json;
        }

        Waldur7Drift.Rewrite(prefix, row);
        if (fields is { Count: > 0 })
        {
            foreach (var key in row.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList())
            {
                row.Remove(key);
            }
        }

        return Encoding.UTF8.GetBytes(row.ToJsonString(Relaxed));
    }
}
