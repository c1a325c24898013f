using System.Text;
using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Generates the rows of one list instance (a list path with its path parameters filled in), deterministic from the seed,
/// the path template and the normalised path values. A row's own <c>uuid</c> and <c>url</c> are its identity; a
/// property named like a path parameter holds that parameter's value; a property named like a query parameter whose
/// <c>x-waldur-operation-id</c> names another list holds a uuid or url of a row of that list (one referenced row per
/// list and row, so <c>customer</c> and <c>customer_uuid</c> agree); everything else comes from <see cref="ValueWriter"/>.
/// </summary>
internal sealed class GenericRows(int seed, int maxRows)
{
    /// <summary>Stands for the request's scheme and host in stored JSON (U6).</summary>
    public const string Base = "${base}";

    /// <summary>How many rows an instance has: 0…<c>maxRows</c>, spread by the instance key; at least one for a list that
    /// others hang off or point at (<paramref name="target"/>).</summary>
    public int Count(string instanceKey, bool target)
    {
        var count = (int)(Hash(instanceKey) % (ulong)(maxRows + 1));
        return target && maxRows > 0 ? Math.Max(1, count) : count;
    }

    /// <summary>The uuid of row <paramref name="pk"/> without generating the row (for references and parent checks).</summary>
    public string Uuid(string instanceKey, int pk) => ValueWriter.Hex(RowRandom(instanceKey, pk), 16);

    public GenericRow[] Generate(ListInstance instance, bool target, Func<string, IReadOnlyList<RowIdentity>> referenced)
    {
        var rows = new GenericRow[Count(instance.Key, target)];
        for (var pk = 0; pk < rows.Length; pk++)
        {
            var r = RowRandom(instance.Key, pk);
            rows[pk] = Row(instance, pk, ValueWriter.Hex(r, 16), r, referenced);
        }

        return rows;
    }

    /// <summary>A row created by a write (<see cref="GenericLists"/>): generated as the others, with the given uuid, and
    /// its values drawn from the seed, the instance and the creation's sequence number.</summary>
    public GenericRow Created(ListInstance instance, int pk, string uuid, int sequence, Func<string, IReadOnlyList<RowIdentity>> referenced) =>
        Row(instance, pk, uuid, RowRandom(instance.Key + "#created", sequence), referenced);

    private static GenericRow Row(ListInstance instance, int pk, string uuid, Random r, Func<string, IReadOnlyList<RowIdentity>> referenced)
    {
        var item = ListCatalog.Instance.Resolve(instance.Operation.Item);
        if (item.Properties.Count == 0)
        {
            var bare = new StringBuilder();
            ValueWriter.Write(ListCatalog.Instance, bare, item, r, 0, "value");
            return new GenericRow(pk, [bare.ToString()], []);
        }

        var references = References(instance.Operation);
        var choices = ParameterChoices(instance.Operation);
        var picks = new Dictionary<string, RowIdentity?>(StringComparer.Ordinal);
        var fragments = new string[item.Properties.Count];
        var values = new object?[item.Properties.Count];
        for (var i = 0; i < fragments.Length; i++)
        {
            var (key, schema) = item.Properties[i];
            var b = new StringBuilder().AppendString(key).Append(':');
            var resolved = ListCatalog.Instance.Resolve(schema);
            var format = resolved.Type == "string" && resolved.Enum.Count == 0 ? resolved.Format ?? "" : null;
            string? fixedText = (key, format) switch
            {
                (_, null) => null,
                ("uuid", "uuid") => uuid,
                ("url", "uri") => Base + instance.CanonicalPath + uuid + "/",
                _ when instance.Values.TryGetValue(key, out var pathValue) && (format != "uuid" || UuidLookup.Normalize(pathValue) == pathValue) => pathValue,
                _ when references.TryGetValue(key, out var list) && format is "uuid" or "uri" => Pick(picks, list, referenced, r) is { } row
                    ? (format == "uuid" ? row.Uuid : row.Url)
                    : null,
                (_, "") when choices.TryGetValue(key, out var allowed) => allowed[r.Next(allowed.Count)],
                _ => null,
            };
            values[i] = fixedText is null ? ValueWriter.Write(ListCatalog.Instance, b, schema, r, 1, key) : fixedText;
            if (fixedText is not null)
            {
                b.AppendString(fixedText);
            }

            fragments[i] = b.ToString();
        }

        return new GenericRow(pk, fragments, values);
    }

    // Property name → referenced list: each parameter with a reference names one, and `X_uuid` also names the hyperlink
    // `X` (BaseResourceFilter declares `customer_uuid` where the serializer writes `customer`).
    private static Dictionary<string, string> References(ListOperation operation)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters.Where(p => p.Ref is not null))
        {
            result.TryAdd(parameter.Name, parameter.Ref!);
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Ref is not null && p.Name.EndsWith("_uuid", StringComparison.Ordinal)))
        {
            result.TryAdd(parameter.Name[..^"_uuid".Length], parameter.Ref!);
        }

        return result;
    }

    // Choices of declared string-enum parameters: a plain-string property of the same name takes one of them (the
    // serializer's CharField then holds what the filter's ChoiceFilter accepts).
    private static Dictionary<string, IReadOnlyList<string>> ParameterChoices(ListOperation operation)
    {
        var catalog = ListCatalog.Instance;
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            var schema = catalog.Resolve(parameter.Schema);
            var element = schema.Items is { } items ? catalog.Resolve(items) : schema;
            var values = element.Enum.Where(e => e.StartsWith('"')).Select(e => JsonSerializer.Deserialize<string>(e)!).ToList();
            if (values.Count > 0)
            {
                result.TryAdd(parameter.Name, values);
            }
        }

        return result;
    }

    private static RowIdentity? Pick(
        Dictionary<string, RowIdentity?> picks, string list, Func<string, IReadOnlyList<RowIdentity>> referenced, Random r)
    {
        if (!picks.TryGetValue(list, out var pick))
        {
            var rows = referenced(list);
            pick = rows.Count == 0 ? null : rows[r.Next(rows.Count)];
            picks[list] = pick;
        }

        return pick;
    }

    private Random RowRandom(string instanceKey, int pk) => new((int)Hash(instanceKey + "#" + pk));

    // FNV-1a over the seed and the key: stable across processes (string.GetHashCode is not).
    private ulong Hash(string key)
    {
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h ^ (h >> 29);
    }
}

/// <summary>A row as other rows point at it: its uuid and its url (under <see cref="GenericRows.Base"/>).</summary>
internal sealed record RowIdentity(string Uuid, string Url);

/// <summary>A list operation with its path parameters filled in: <see cref="Path"/> is the concrete list path (as
/// requested), <see cref="Values"/> the normalised path values by parameter name, <see cref="Key"/> what seeds its rows.</summary>
internal sealed record ListInstance(ListOperation Operation, string Path, IReadOnlyDictionary<string, string> Values)
{
    public string Key { get; } = Operation.Path + "|" + string.Join("|", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value));

    /// <summary>The list path with the normalised values (rows' own urls use it, whatever uuid spelling was requested).</summary>
    public string CanonicalPath => Values.Aggregate(Operation.Path, (path, v) => path.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal));
}
