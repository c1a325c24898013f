using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Creates, updates and deletes on generic lists (issue 23): the generated rows of a list instance stay as the seed makes
/// them, and a written instance keeps its whole row array here instead, in memory, which <see cref="GenericLists.Rows"/>
/// prefers. Callers hold the data set's write lock and move its version.
/// </summary>
internal sealed partial class GenericLists
{
    private readonly ConcurrentDictionary<string, GenericRow[]> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _created = new(StringComparer.Ordinal);

    /// <summary>A new row at the end of the list (Waldur's default order puts a new pk last): generated, then the body's
    /// writable keys (<paramref name="writable"/>: the request schema's fields) that fit the list's item schema applied. Its uuid is SHA-256 of <c>created:</c> + list path + sequence
    /// (Waldur's uuid4 is random; derived uuids make journals repeat, as the hand-written creates do).</summary>
    public GenericRow Create(ListInstance instance, JsonElement body, IReadOnlyDictionary<string, SpecSchema> writable)
    {
        var rows = Rows(instance);
        var sequence = _created.AddOrUpdate(instance.Key, 1, (_, n) => n + 1);
        var uuid = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"created:{instance.CanonicalPath}:{sequence.ToString(CultureInfo.InvariantCulture)}"))[..16]);
        var pk = rows.Length == 0 ? 0 : rows.Max(r => r.Pk) + 1;
        var row = Apply(instance, _generator.Created(instance, pk, uuid, sequence, Identities), body, writable);
        Store(instance, [.. rows, row]);
        return row;
    }

    /// <summary>PUT/PATCH: the body's writable keys that fit the item schema replace the row's values; null when no row
    /// has that lookup value.</summary>
    public GenericRow? Update(ListInstance instance, string lookup, JsonElement body, IReadOnlyDictionary<string, SpecSchema> writable)
    {
        var rows = Rows(instance);
        var index = IndexOfRow(instance, rows, lookup);
        if (index < 0)
        {
            return null;
        }

        var updated = rows.ToArray();
        updated[index] = Apply(instance, rows[index], body, writable);
        Store(instance, updated);
        return updated[index];
    }

    /// <summary>DELETE: the row leaves the list; false when no row has that lookup value.</summary>
    public bool Delete(ListInstance instance, string lookup)
    {
        var rows = Rows(instance);
        var index = IndexOfRow(instance, rows, lookup);
        if (index < 0)
        {
            return false;
        }

        Store(instance, [.. rows.Where((_, i) => i != index)]);
        return true;
    }

    private void Store(ListInstance instance, GenericRow[] rows)
    {
        _written[instance.Key] = rows;
        // Parents and references of other lists read a top-level list's identities: they now include the change.
        _identities.TryRemove(instance.Path, out _);
    }

    private IReadOnlyList<RowIdentity> WrittenIdentities(ListInstance instance)
    {
        var item = ListCatalog.Instance.Resolve(instance.Operation.Item);
        var uuid = GenericFilter.IndexOf(item, "uuid");
        var url = GenericFilter.IndexOf(item, "url");
        return uuid < 0 ? [] : [.. Rows(instance).Select(r => new RowIdentity(
            GenericFilter.Text(r.Values[uuid])!,
            url >= 0 ? GenericFilter.Text(r.Values[url])! : Base(instance) + GenericFilter.Text(r.Values[uuid]) + "/"))];
    }

    private static string Base(ListInstance instance) => GenericRows.Base + instance.CanonicalPath;

    private static int IndexOfRow(ListInstance instance, GenericRow[] rows, string lookup)
    {
        var item = ListCatalog.Instance.Resolve(instance.Operation.Item);
        var key = instance.Operation.Detail is { } detail ? GenericFilter.IndexOf(item, detail) : -1;
        return key < 0 ? -1 : Array.FindIndex(rows, r => GenericFilter.Text(r.Values[key]) == lookup);
    }

    // The serializer's save: each writable key the body holds, when its value is valid for the list's item schema
    // (a request field may differ from the response's, e.g. a uuid in, a url out: then the row keeps its own value).
    private static GenericRow Apply(ListInstance instance, GenericRow row, JsonElement body, IReadOnlyDictionary<string, SpecSchema> writable)
    {
        var item = ListCatalog.Instance.Resolve(instance.Operation.Item);
        if (row.Values.Length == 0 || body.ValueKind != JsonValueKind.Object)
        {
            return row;
        }

        var fragments = row.Fragments.ToArray();
        var values = row.Values.ToArray();
        for (var i = 0; i < fragments.Length; i++)
        {
            var (key, schema) = item.Properties[i];
            if (key is "uuid" or "url" || !writable.TryGetValue(key, out var field) || !body.TryGetProperty(key, out var value))
            {
                continue;
            }

            // CharField and its subclasses strip whitespace (trim_whitespace=True, rest_framework/fields.py CharField).
            if (value.ValueKind == JsonValueKind.String && WriteCatalog.Instance.Resolve(field) is { Type: "string", Enum.Count: 0 })
            {
                value = JsonSerializer.SerializeToElement(value.GetString()!.Trim());
            }

            if (!RowValue.Fits(value, schema, 1))
            {
                continue;
            }

            fragments[i] = new StringBuilder().AppendString(key).Append(':').Append(RowValue.Json(value)).ToString();
            values[i] = RowValue.Scalar(value, ListCatalog.Instance.Resolve(schema));
        }

        return row with { Fragments = fragments, Values = values };
    }
}
