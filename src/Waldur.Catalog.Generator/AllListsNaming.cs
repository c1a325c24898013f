using System.Text;
using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// The naming rule of the generated lists (README: "Every list"), deterministic from path and operation id, never a
/// numeric suffix. Types: the item schema's component name for the first list returning it (reviewed lists first, then
/// top-level, then nested, each in the spec's path order); a later list returning the same schema gets
/// Pascal(operation id without <c>_list</c>) + <c>Item</c>, because its filters, nullability defaults and references are
/// its own. Root connections: camel(operation id without <c>_list</c>). Nested connections: camel of the path after the
/// parent's uuid (<c>users</c>, <c>listUsers</c>), or the root name when that clashes with a field of the parent.
/// </summary>
public static class AllListsNaming
{
    internal static Dictionary<string, string> TypeNames(OpenApiDocument document, List<AllListsBuilder.ListPath> lists,
        Dictionary<string, ResourceDescriptor> reviewedByPath, IReadOnlyDictionary<string, GeneratedNames> renames)
    {
        var components = document.Components?.Schemas?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in lists.Where(l => reviewedByPath.ContainsKey(l.Path)))
        {
            names[l.Path] = reviewedByPath[l.Path].TypeName;
            owned.Add(l.List.ItemSchemaId);
            taken.Add(names[l.Path]);
        }

        foreach (var l in lists.Where(l => !reviewedByPath.ContainsKey(l.Path)))
        {
            var schema = l.List.ItemSchemaId;
            string name;
            if (renames.TryGetValue(l.Path, out var renamed) && renamed.TypeName is { } typeName)
            {
                name = typeName;
            }
            else if (!owned.Contains(schema) && !taken.Contains(schema))
            {
                name = schema;
                owned.Add(schema);
            }
            else
            {
                name = Naming.Capitalise(RootField(l.List.Operation.OperationId!)) + "Item";
                if (components.Contains(name))
                {
                    throw new CatalogException($"{l.Path}: its type name {name} is also a schema component of the spec; give it a \"typeName\" override.");
                }
            }

            if (!taken.Add(name))
            {
                throw new CatalogException($"{l.Path}: its type name {name} is already taken; give it a \"typeName\" override.");
            }

            names[l.Path] = name;
        }

        return names;
    }

    /// <summary>camel(operation id without <c>_list</c>): <c>marketplace_provider_offerings_list</c> → <c>marketplaceProviderOfferings</c>.</summary>
    public static string RootField(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        var stem = operationId.EndsWith("_list", StringComparison.Ordinal) ? operationId[..^"_list".Length] : operationId;
        return FieldName(stem);
    }

    /// <summary>A GraphQL field name from a JSON or path name: camelCase over <c>_</c>, <c>-</c> and anything not [A-Za-z0-9]; never a leading digit.</summary>
    public static string FieldName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var snake = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            snake.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var name = Naming.CamelCase(snake.ToString());
        return name.Length == 0 ? "_" : char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>
    /// Nested lists whose only path parameter follows a keyed top-level list's path (<c>/api/customers/{customer_uuid}/users/</c>)
    /// become the connection <c>users</c> of that list's type; the others stay root connections with path arguments.
    /// </summary>
    internal static List<ResourceDescriptor> NestedFields(List<ResourceDescriptor> built, List<AllListsBuilder.ListPath> lists, IReadOnlySet<ResourceDescriptor> renamed)
    {
        var byPath = built.ToDictionary(r => "/" + r.Path, StringComparer.Ordinal);
        var taken = built.ToDictionary(r => r.TypeName, r => r.Fields.Select(f => f.Name)
            .Concat(r.Fields.Select(f => f.ReferenceField).OfType<string>())
            .Concat(r.ReverseConnections.Select(c => c.Name))
            .Append("id")
            .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var result = new List<ResourceDescriptor>(built.Count);
        foreach (var r in built)
        {
            var path = "/" + r.Path;
            var parameters = AllListsBuilder.PathParameter().Matches(path);
            if (!lists.Single(l => l.Path == path).Nested || parameters.Count != 1
                || !byPath.TryGetValue(path[..parameters[0].Index], out var parent) || parent.Parent is not null
                || !parent.Fields.Any(f => f.JsonName == "uuid"))
            {
                result.Add(r);
                continue;
            }

            var rest = path[(parameters[0].Index + parameters[0].Length)..].Trim('/');
            var name = renamed.Contains(r) ? r.ListField : FieldName(rest.Replace('/', '_'));
            if (taken[parent.TypeName].Contains(name))
            {
                name = r.ListField;
            }

            if (!taken[parent.TypeName].Add(name))
            {
                throw new CatalogException($"{path}: its connection name \"{name}\" clashes with a field of {parent.TypeName}; give it a \"listField\" override.");
            }

            result.Add(r with
            {
                Parent = parent.TypeName,
                ListField = name,
                ListDescription = r.ListDescription.Replace($"from `{path}`", $"of this {parent.Noun}, from `{path}`", StringComparison.Ordinal),
            });
        }

        return result;
    }
}
