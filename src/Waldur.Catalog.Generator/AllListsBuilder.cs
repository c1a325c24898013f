using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// Every list operation of the spec (a GET answering a JSON array of a <c>$ref</c>'d item schema) → one descriptor:
/// the reviewed descriptor where an override exists (the same object), the README's conservative defaults elsewhere.
/// Names follow <see cref="AllListsNaming"/>; nested lists (<c>/api/customers/{customer_uuid}/users/</c>) become
/// connections on their parent's type. Pure: document + overrides + reviewed catalog → descriptors.
/// </summary>
public static partial class AllListsBuilder
{
    /// <summary>Where a list sits: top-level, nested under a catalog resource, or with path parameters and no parent.</summary>
    internal sealed record ListPath(string Path, CatalogBuilder.ListOp List, bool Nested);

    public static IReadOnlyList<ResourceDescriptor> Build(OpenApiDocument document, CatalogOverrides overrides, IReadOnlyList<ResourceDescriptor> reviewed)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(reviewed);
        var reviewedByPath = reviewed.ToDictionary(r => "/" + r.Path, StringComparer.Ordinal);
        var lists = ListPaths(document);
        foreach (var path in overrides.Generated.Keys)
        {
            if (reviewedByPath.ContainsKey(path) || lists.All(l => l.Path != path))
            {
                throw new CatalogException($"generated[\"{path}\"]: not a list nobody reviewed (a reviewed entry names itself in \"resources\").");
            }
        }

        var names = AllListsNaming.TypeNames(document, lists, reviewedByPath, overrides.Generated);

        // Item schema → the type that owns it (reviewed first): a $ref to it in any other list is that nested object.
        var objectTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in reviewed)
        {
            objectTypes[lists.Single(l => l.Path == "/" + r.Path).List.ItemSchemaId] = r.TypeName;
        }

        foreach (var l in lists)
        {
            objectTypes.TryAdd(l.List.ItemSchemaId, names[l.Path]);
        }

        var catalogTargets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lists.Where(l => !l.Nested && Keyed(l)))
        {
            if (CatalogBuilder.RetrieveOperationId(document, l.Path) is { } retrieveId)
            {
                catalogTargets[retrieveId] = names[l.Path];
            }
        }

        var operationIds = CatalogBuilder.AllOperationIds(document);
        var built = new List<ResourceDescriptor>();
        foreach (var l in lists)
        {
            if (reviewedByPath.TryGetValue(l.Path, out var kept))
            {
                built.Add(kept);
                continue;
            }

            built.Add(Generated(document, l, names[l.Path], objectTypes, operationIds, catalogTargets));
            if (overrides.Generated.TryGetValue(l.Path, out var renames) && renames.ListField is { } listField)
            {
                built[^1] = built[^1] with { ListField = listField };
            }
        }

        var listRenamed = built.Where(r => overrides.Generated.TryGetValue("/" + r.Path, out var n) && n.ListField is not null).ToHashSet();
        var all = AllListsNaming.NestedFields(built, lists, listRenamed);
        CatalogBuilder.CheckUnique(all, r => r.TypeName, "type name");
        CatalogBuilder.CheckUnique(all.Where(r => r.Parent is null), r => r.ListField, "root list field");
        CatalogBuilder.CheckUnique(all.Where(r => r.Parent is not null), r => r.Parent + "." + r.ListField, "nested list field");
        CatalogBuilder.CheckEnumTypes(all.ToList());
        return all;
    }

    /// <summary>Every GET answering an array of a $ref'd object schema, top-level first, each group in the spec's path order.</summary>
    internal static List<ListPath> ListPaths(OpenApiDocument document)
    {
        var found = new List<ListPath>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            if (item.Operations?.TryGetValue(HttpMethod.Get, out var get) != true)
            {
                continue;
            }

            var schema = get!.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;
            if (schema?.Type?.HasFlag(JsonSchemaType.Array) != true || schema.Items is not OpenApiSchemaReference)
            {
                continue;
            }

            found.Add(new ListPath(path, CatalogBuilder.ListOperation(document, path), path.Contains('{', StringComparison.Ordinal)));
        }

        return [.. found.Where(l => !l.Nested), .. found.Where(l => l.Nested)];
    }

    private static ResourceDescriptor Generated(OpenApiDocument document, ListPath l, string typeName, Dictionary<string, string> objectTypes,
        HashSet<string> operationIds, Dictionary<string, string> catalogTargets)
    {
        var properties = l.List.ItemSchema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var keyed = Keyed(l);
        // GraphQL names: anything outside [_A-Za-z0-9] is not a GraphQL name; `id` is only ever the Relay global id.
        var fields = new Dictionary<string, FieldOverride>(StringComparer.Ordinal);
        foreach (var jsonName in properties.Keys)
        {
            var name = Naming.NotRelayId(AllListsNaming.FieldName(jsonName));
            if (name != Naming.NotRelayId(Naming.CamelCase(jsonName)))
            {
                fields[jsonName] = new FieldOverride(jsonName, null, name, null, null, null, null, null, null);
            }
        }

        var noun = Naming.NounOf(l.List.ItemSchemaId);
        var listField = AllListsNaming.RootField(l.List.Operation.OperationId!);
        var generated = new ResourceOverride(l.Path, "generated: no review", typeName, listField, null, null, noun, Naming.Pluralise(noun),
            null, null, [], fields, null, null, null, null, []);
        var r = Conservative(CatalogBuilder.BuildResource(document, generated, l.List, objectTypes, operationIds, catalogTargets), properties);
        var lookups = keyed && !l.Nested;
        var paging = r.Paged
            ? "paged in Waldur's order unless `order` or a filter Waldur does not apply needs a scan"
            : "Waldur does not page this list: every request reads the whole response and the gateway pages it";
        return r with
        {
            ByUuidField = lookups ? r.ByUuidField : null,
            ByUuidsField = lookups ? r.ByUuidsField : null,
            RetrieveOperationId = lookups ? r.RetrieveOperationId : null,
            ListDescription = $"{Naming.Capitalise(r.NounPlural)} from `{l.Path}` (generated, not reviewed: filters Waldur applies by the spec alone; {paging}).",
            FollowWaldurOrder = true,
        };
    }

    /// <summary>
    /// Two readings no review backs, made safe: a required property wrapped in <c>allOf</c> may be null (DRF writes
    /// <c>allOf: [$ref], nullable: true</c> and the reader drops that <c>nullable</c>), so it is nullable; an <c>int64</c>
    /// does not fit GraphQL's 32-bit Int, so it is its exact JSON text (neither filtered nor sorted).
    /// </summary>
    private static ResourceDescriptor Conservative(ResourceDescriptor r, IDictionary<string, IOpenApiSchema> properties)
    {
        var fields = r.Fields.Select(f => properties.TryGetValue(f.JsonName, out var schema) ? Conservative(f, schema) : f).ToList();
        var sortable = fields.Where(f => f.Sortable).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var filterable = fields.Where(f => f.Kind != ValueKind.Json).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return r with
        {
            Fields = fields,
            Orders = r.Orders.Where(o => sortable.Contains(o.Field)).ToList(),
            Filters = r.Filters.Where(f => filterable.Contains(f.Field)).ToList(),
        };
    }

    private static FieldDescriptor Conservative(FieldDescriptor field, IOpenApiSchema schema)
    {
        if (schema.AllOf is { Count: > 0 })
        {
            field = field with { Nullable = true };
        }

        var items = schema.Type?.HasFlag(JsonSchemaType.Array) == true ? schema.Items : schema;
        return field.Kind == ValueKind.Int && string.Equals(items?.Format, "int64", StringComparison.Ordinal)
            ? field with { Kind = ValueKind.Json, Filterable = false, Sortable = false }
            : field;
    }

    /// <summary>Rows of the list carry a <c>uuid</c>: they are Relay nodes, federation entities and reference targets.</summary>
    internal static bool Keyed(ListPath l) => l.List.ItemSchema.Properties?.ContainsKey("uuid") == true;

    [GeneratedRegex(@"\{[^}]+\}")]
    internal static partial Regex PathParameter();
}
