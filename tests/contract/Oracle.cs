using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>What the suite compares and how: catalog look-ups, Waldur values as the gateway exposes them, tie-aware order checks.</summary>
internal static class Oracle
{
    public static ResourceCatalog Catalog => WaldurCatalog.Reviewed;

    /// <summary>The reviewed root lists (no path parameters): the data of every per-list theory.</summary>
    public static IEnumerable<ResourceDescriptor> RootLists =>
        Catalog.Resources.Where(r => r.Parent is null && !r.Path.Contains('{', StringComparison.Ordinal));

    public static ResourceDescriptor List(string listField) => Catalog.Resources.Single(r => r.ListField == listField);

    public static FieldDescriptor Field(ResourceDescriptor resource, string name) => resource.Fields.Single(f => f.Name == name);

    public static bool IsScalar(FieldDescriptor field) =>
        !field.IsList && field.Kind is ValueKind.String or ValueKind.Boolean or ValueKind.Int or ValueKind.Float or ValueKind.DateTime;

    public static string? Uuid(JsonNode? row) => row?["uuid"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The row's value of <paramref name="field"/> as Waldur sent it, normalised: string, bool, long, double or UTC DateTimeOffset; null when absent or null.</summary>
    public static object? WaldurValue(JsonObject row, FieldDescriptor field) => Normalise(row[field.JsonName], field, fromGateway: false);

    /// <summary>The gateway's value of <paramref name="field"/> in a node, normalised like <see cref="WaldurValue"/> (enums back to Waldur's spelling).</summary>
    public static object? GatewayValue(JsonNode? node, FieldDescriptor field) => Normalise(node?[field.Name], field, fromGateway: true);

    private static object? Normalise(JsonNode? node, FieldDescriptor field, bool fromGateway)
    {
        if (node is not JsonValue value)
        {
            return node is null ? null : node.ToJsonString();
        }

        var kind = value.GetValueKind();
        if (kind == JsonValueKind.Null)
        {
            return null;
        }
        // Waldur's blank choice ("") of a nullable enum outside its values (a country left empty) is null in GraphQL.
        if (!fromGateway && field.EnumValues is { } choices && field.Nullable && kind == JsonValueKind.String
            && value.GetValue<string>().Length == 0 && !choices.Contains(""))
        {
            return null;
        }

        if (fromGateway && field.EnumValues is { } values && kind == JsonValueKind.String)
        {
            var name = value.GetValue<string>();
            return EnumNames(values).FirstOrDefault(p => p.Value == name).Key ?? name;
        }

        return (field.Kind, kind) switch
        {
            (ValueKind.String, JsonValueKind.String) => value.GetValue<string>(),
            // A number where the spec says string (Waldur 7's decimals, `new_cost_estimate: 25.0`): its JSON text is the string.
            (ValueKind.String, JsonValueKind.Number) when !fromGateway => value.ToJsonString(),
            (ValueKind.Boolean, JsonValueKind.True or JsonValueKind.False) => value.GetValue<bool>(),
            (ValueKind.Int, JsonValueKind.Number) => (long)value.GetValue<double>(),
            (ValueKind.Float, JsonValueKind.Number) => value.GetValue<double>(),
            (ValueKind.Float, JsonValueKind.String) when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            (ValueKind.DateTime, JsonValueKind.String) when DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var t) => t.ToUniversalTime(),
            // A value of another JSON kind than the catalog says (a number where the spec says string, …): its JSON text,
            // so a comparison with the gateway's value fails visibly instead of passing as two nulls.
            _ => "json:" + value.ToJsonString(),
        };
    }

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))),
        (long x, double y) => Math.Abs(x - y) < 1e-9,
        (double x, long y) => Math.Abs(x - y) < 1e-9,
        _ => Equals(a, b),
    };

    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{(s.Length > 60 ? s[..60] + "…" : s)}\"",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Waldur value → GraphQL enum value name, as the schema names them (collisions get <c>_2</c>, <c>_3</c>…).</summary>
    public static Dictionary<string, string> EnumNames(IReadOnlyList<string> values)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var name = EnumGraphTypes.ValueName(value);
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{EnumGraphTypes.ValueName(value)}_{n}";
            }

            names.TryAdd(value, name);
        }

        return names;
    }

    /// <summary>The errors of a GraphQL response, shortened: <c>CODE: message @ path</c>; empty when none.</summary>
    public static string Errors(JsonNode response)
    {
        if (response["errors"] is not JsonArray { Count: > 0 } errors)
        {
            return "";
        }

        var text = string.Join("; ", errors.Take(3).Select(e =>
            $"{e?["extensions"]?["code"]?.ToString() ?? "NO_CODE"}: {e?["message"]} @ {e?["path"]?.ToJsonString() ?? "-"}"));
        text = errors.Count > 3 ? $"{text}; … ({errors.Count} errors)" : text;
        return text.Length > 600 ? text[..600] + "…" : text;
    }

    public static IEnumerable<string> ErrorCodes(JsonNode response) =>
        response["errors"] is JsonArray errors ? errors.Select(e => e?["extensions"]?["code"]?.ToString() ?? "NO_CODE") : [];

    public static string Short(IEnumerable<string?> uuids)
    {
        var list = uuids.ToList();
        return "[" + string.Join(",", list.Take(8).Select(u => u is null ? "null" : u.Length > 8 ? u[..8] : u)) + (list.Count > 8 ? $",… {list.Count} in all" : "") + "]";
    }

    /// <summary>
    /// Whether Waldur's raw value has a JSON type the catalog's field takes (the gateway's lossless readings included: a
    /// number for a string, a numeric string for a number). Null and absent fit any field here.
    /// </summary>
    public static bool Fits(JsonNode? raw, FieldDescriptor field)
    {
        if (raw is null)
        {
            return true;
        }

        if (field.IsList)
        {
            return raw is JsonArray;
        }

        var kind = raw.GetValueKind();
        return field.Kind switch
        {
            ValueKind.String => kind is JsonValueKind.String || (kind is JsonValueKind.Number && field.Name != "uuid"),
            ValueKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            ValueKind.Int or ValueKind.Float => kind is JsonValueKind.Number
                || (kind is JsonValueKind.String && double.TryParse(raw.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)),
            ValueKind.DateTime => kind is JsonValueKind.String,
            _ => kind is JsonValueKind.Object or JsonValueKind.Array,
        };
    }

    /// <summary>Rows by a key as PostgreSQL orders <c>o</c>: nulls last ascending, first descending (ties keep their order).</summary>
    public static IEnumerable<JsonObject> SortedLikeWaldur(IEnumerable<JsonObject> rows, Func<JsonObject, object?> key, bool descending)
    {
        var comparer = Comparer<object?>.Create((a, b) => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            (string x, string y) => string.CompareOrdinal(x, y),
            (IComparable x, _) => x.CompareTo(b),
            _ => 0,
        });
        return descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
    }

    /// <summary>
    /// Compares a gateway page of uuids with Waldur's rows in Waldur's order (<paramref name="expected"/>), allowing any order
    /// among rows whose <paramref name="key"/> ties (Waldur breaks no ties, U16/C6): the key sequences must be equal, each
    /// tied run the same set of rows, and the last run of the page (cut by the page's end) rows of Waldur with that key
    /// (<paramref name="all"/>: every row of the list). Returns the differences, empty when none.
    /// </summary>
    public static List<string> CompareOrdered(string label, IReadOnlyList<string> gateway, IReadOnlyList<JsonObject> expected,
        Func<JsonObject, object?> key, IReadOnlyDictionary<string, JsonObject> all)
    {
        var failures = new List<string>();
        if (gateway.Count != expected.Count)
        {
            failures.Add($"{label}: the gateway's page has {gateway.Count} rows {Short(gateway)}, Waldur's {expected.Count} {Short(expected.Select(Uuid))}");
            return failures;
        }

        var gatewayKeys = new List<object?>();
        foreach (var uuid in gateway)
        {
            if (!all.TryGetValue(uuid, out var row))
            {
                failures.Add($"{label}: the gateway returned {uuid}, which is not in Waldur's list");
                return failures;
            }

            gatewayKeys.Add(key(row));
        }

        var expectedKeys = expected.Select(key).ToList();
        for (var i = 0; i < gateway.Count; i++)
        {
            if (!Same(gatewayKeys[i], expectedKeys[i]))
            {
                var nulls = (gatewayKeys[i] is null) != (expectedKeys[i] is null) ? " (nulls are placed differently)" : "";
                failures.Add($"{label}: row {i} has sort key {Show(gatewayKeys[i])} through the gateway ({gateway[i]}), {Show(expectedKeys[i])} in Waldur ({Uuid(expected[i])}){nulls}; " +
                             $"gateway keys [{string.Join(", ", gatewayKeys.Take(i + 3).Select(Show))}], Waldur's [{string.Join(", ", expectedKeys.Take(i + 3).Select(Show))}]");
                return failures;
            }
        }

        // Runs of equal keys: the same rows in any order, the last run only rows carrying that key.
        var start = 0;
        while (start < gateway.Count)
        {
            var end = start;
            while (end + 1 < gateway.Count && Same(expectedKeys[end + 1], expectedKeys[start]))
            {
                end++;
            }

            var got = gateway.Skip(start).Take(end - start + 1).ToHashSet(StringComparer.Ordinal);
            if (end == gateway.Count - 1)
            {
                var stray = got.Where(u => !Same(key(all[u]), expectedKeys[start])).ToList();
                if (stray.Count > 0)
                {
                    failures.Add($"{label}: rows {Short(stray)} ended the page with key {Show(expectedKeys[start])} but carry another");
                }
            }
            else if (!got.SetEquals(expected.Skip(start).Take(end - start + 1).Select(r => Uuid(r)!)))
            {
                failures.Add($"{label}: rows {start}..{end} (key {Show(expectedKeys[start])}) are {Short(got)} through the gateway, " +
                             $"{Short(expected.Skip(start).Take(end - start + 1).Select(Uuid))} in Waldur");
            }

            start = end + 1;
        }

        if (gateway.Distinct(StringComparer.Ordinal).Count() != gateway.Count)
        {
            failures.Add($"{label}: the gateway's page repeats rows {Short(gateway)}");
        }

        return failures;
    }

    /// <summary>Pages a connection (<c>first: 100</c>, then <c>after</c>) to the end; the query has <c>$after</c> and selects <c>totalCount nodes { uuid } pageInfo</c> at <paramref name="connection"/>.</summary>
    public static async Task<(int? Total, List<string> Uuids, string Error)> AllPagesAsync(Gateway gateway, Caller caller, string query,
        Func<JsonNode, JsonNode?> connection, object? variables = null, int maxPages = 40)
    {
        var uuids = new List<string>();
        int? total = null;
        string? after = null;
        for (var page = 0; page < maxPages; page++)
        {
            var vars = JsonSerializer.SerializeToNode(variables ?? new { })!.AsObject();
            vars["after"] = after;
            var answer = await gateway.QueryAsync(query, caller, vars);
            var errors = Errors(answer);
            if (errors.Length > 0)
            {
                return (total, uuids, errors);
            }

            var list = connection(answer);
            if (list is null)
            {
                return (total, uuids, $"no connection in {Trim(answer.ToJsonString())}");
            }

            total ??= list["totalCount"]?.GetValue<int>();
            uuids.AddRange(list["nodes"]!.AsArray().Select(n => Uuid(n) ?? "null"));
            if (list["pageInfo"]?["hasNextPage"]?.GetValue<bool>() != true)
            {
                return (total, uuids, "");
            }

            after = list["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        return (total, uuids, $"more than {maxPages} pages");
    }

    public static string Trim(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
