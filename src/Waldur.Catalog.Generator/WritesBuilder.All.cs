using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// Every write operation of the spec that no <c>writes</c> override reviews (issue 23) → one generated
/// <see cref="WriteDescriptor"/>, for <c>Catalog:Include=*</c>. The rule, with no per-operation code:
/// <list type="bullet">
/// <item>Name: the operation id in lowerCamelCase (<c>openstack_volumes_extend</c> → <c>openstackVolumesExtend</c>); unique
/// because operation ids are, checked against the reviewed names.</item>
/// <item>Resource: the top-level keyed list whose path the operation's path starts with (<c>api/openstack-volumes/</c>
/// for <c>…/{uuid}/extend/</c>). POST to it is a create; PUT/PATCH/DELETE of <c>{uuid}/</c> an update or delete; anything
/// below <c>{uuid}/</c> an action on that object (re-read after it). Its payload is that resource's type, navigable.</item>
/// <item>Everything else (a collection action, a path under no list, path parameters other than <c>{uuid}</c> of the
/// resource) keeps its path parameters as input fields and answers Waldur's JSON as text in <c>result</c>, and typed as
/// <see cref="WriteAnswers"/> decides (a list's type, or a generated answer type). It carries its operation's tag, so
/// <c>Catalog:Include</c> by tag brings it.</item>
/// <item>Input: the request body's schema (<c>application/json</c>, else the non-file fields of
/// <c>multipart/form-data</c>, sent as JSON, which DRF's default parsers accept).</item>
/// </list>
/// No generated write is idempotent: none is retried.
/// </summary>
public static partial class WritesBuilder
{
    public static IReadOnlyList<WriteDescriptor> BuildGenerated(OpenApiDocument document, IReadOnlyList<WriteDescriptor> reviewedWrites,
        IReadOnlyList<ResourceDescriptor> reviewed, IReadOnlyList<ResourceDescriptor> all)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(reviewedWrites);
        ArgumentNullException.ThrowIfNull(all);
        var reviewedIds = reviewedWrites.Select(w => w.OperationId).ToHashSet(StringComparer.Ordinal);
        var types = reviewed.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        // Longest path first, so /api/marketplace-provider-offerings/ wins over a shorter list it starts with.
        var lists = all.Where(r => r.Parent is null && r.RetrieveOperationId is not null && r.Path.EndsWith('/'))
            .OrderByDescending(r => r.Path.Length).ToList();
        var names = reviewedWrites.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var taken = all.Select(r => r.TypeName).Concat(all.SelectMany(r => r.Fields).Select(f => f.EnumType).OfType<string>())
            .Concat(reviewedWrites.SelectMany(w => w.Input).Select(f => f.EnumType).OfType<string>());
        var answers = new WriteAnswers(RowTypes(document, reviewed, all), taken);
        var generated = new List<WriteDescriptor>();
        foreach (var (id, op) in Operations(document).OrderBy(o => o.Value.Path, StringComparer.Ordinal).ThenBy(o => o.Value.Method, StringComparer.Ordinal))
        {
            if (op.Method is not ("POST" or "PUT" or "PATCH" or "DELETE") || reviewedIds.Contains(id))
            {
                continue;
            }

            var name = Naming.CamelCase(id);
            if (!names.Add(name))
            {
                throw new CatalogException($"operation \"{id}\": its mutation name \"{name}\" is taken.");
            }

            generated.Add(Generated(id, name, op, lists, types, answers));
        }

        return OwnEnumsWhereTheyClash(generated, reviewedWrites, all);
    }

    /// <summary>
    /// An enum type name means one value set in the whole schema and is no object type: a generated input's enum whose
    /// name another type or value set already has gets its own name, <c>{Mutation}{Field}Enum</c>.
    /// </summary>
    private static List<WriteDescriptor> OwnEnumsWhereTheyClash(List<WriteDescriptor> generated, IReadOnlyList<WriteDescriptor> reviewedWrites,
        IReadOnlyList<ResourceDescriptor> all)
    {
        var typeNames = all.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var f in all.SelectMany(r => r.Fields).Where(f => f.EnumType is not null && f.EnumValues is not null))
        {
            seen.TryAdd(f.EnumType!, f.EnumValues!);
        }

        IReadOnlyList<InputFieldDescriptor> Own(IReadOnlyList<InputFieldDescriptor> fields, string owner) => [.. fields.Select(f =>
        {
            var field = f.Fields is null ? f : f with { Fields = Own(f.Fields, owner + Naming.Capitalise(f.Name)) };
            if (field.EnumType is not { } type || field.EnumValues is not { } values) { return field; } if (!typeNames.Contains(type) && (seen.TryAdd(type, values) || seen[type].SequenceEqual(values, StringComparer.Ordinal))) { return field; } var own = owner + Naming.Capitalise(field.Name) + "Enum";
            seen.TryAdd(own, values);
            return field with { EnumType = own };
        })];

        foreach (var w in reviewedWrites)
        {
            Own(w.Input, Naming.Capitalise(w.Name));
        }

        return [.. generated.Select(w => w with { Input = Own(w.Input, Naming.Capitalise(w.Name)) })];
    }

    private static WriteDescriptor Generated(string id, string name, Op op, List<ResourceDescriptor> lists, Dictionary<string, ResourceDescriptor> types,
        WriteAnswers answers)
    {
        var path = op.Path.TrimStart('/');
        var (resource, kind) = Target(op.Method, path, lists);
        var parameters = PathParameters().Matches(path).Select(m => m.Groups[1].Value)
            .Where(p => resource is null || p != "uuid").Distinct(StringComparer.Ordinal).ToList();
        if (resource is not null && parameters.Count > 0)
        {
            (resource, kind, parameters) = (null, WriteKind.Action, [.. PathParameters().Matches(path).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)]);
        }

        var o = new WriteOverride(id, name, kind, resource?.TypeName ?? "", null, null, null, false, "generated from the spec", new Dictionary<string, InputFieldOverride>());
        var body = RequestBody(op.Operation) ?? FormBody(op.Operation);
        var input = body is null ? [] : BuildInput($"operation \"{id}\"", o, body, "", types, resource);
        // A body property may not take a path parameter's name.
        input = [.. input.Where(f => !parameters.Select(p => Naming.NotRelayId(Naming.CamelCase(p))).Contains(f.Name, StringComparer.Ordinal))];
        var answer = resource is null ? answers.For(op.Operation, name) : new WriteAnswers.Answer(null, null, false);
        return new WriteDescriptor(
            Name: name,
            OperationId: id,
            Method: op.Method,
            Path: path,
            Kind: kind,
            TypeName: resource?.TypeName,
            PayloadField: resource is not null ? Naming.LowerCamel(resource.TypeName) : AnswerField(answer),
            Description: DefaultDescription(op, kind, resource?.Noun ?? "Waldur object"),
            Input: input,
            Asynchronous: op.Operation.Responses?.ContainsKey("202") == true,
            Source: $"generated from {op.Method} {op.Path} ({id}); not reviewed",
            PathParameters: parameters.Count == 0 ? null : parameters,
            ResultType: answer.ResultType,
            AnswerType: answer.AnswerType,
            ResultIsList: answer.IsList && (answer.ResultType ?? answer.AnswerType?.TypeName) is not null,
            Tag: resource is null ? CatalogBuilder.Tag(op.Operation) : null);
    }

    /// <summary>Item schema → the type of the list that owns it, reviewed lists first (as <see cref="AllListsBuilder"/> decides).</summary>
    private static Dictionary<string, string> RowTypes(OpenApiDocument document, IReadOnlyList<ResourceDescriptor> reviewed, IReadOnlyList<ResourceDescriptor> all)
    {
        var byPath = all.ToDictionary(r => "/" + r.Path, r => r.TypeName, StringComparer.Ordinal);
        var reviewedPaths = reviewed.Select(r => "/" + r.Path).ToHashSet(StringComparer.Ordinal);
        var rowTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in AllListsBuilder.ListPaths(document).OrderBy(l => reviewedPaths.Contains(l.Path) ? 0 : 1))
        {
            if (byPath.TryGetValue(list.Path, out var type))
            {
                rowTypes.TryAdd(list.List.ItemSchemaId, type);
            }
        }

        return rowTypes;
    }

    /// <summary>The payload field of a typed answer (<c>flavorResponses</c> for a list), else <see cref="WriteDescriptor.ResultField"/>.</summary>
    private static string AnswerField(WriteAnswers.Answer answer) => (answer.ResultType ?? answer.AnswerType?.TypeName) is { } type
        ? answer.IsList ? Naming.Pluralise(Naming.LowerCamel(type)) : Naming.LowerCamel(type)
        : WriteDescriptor.ResultField;

    /// <summary>The list the path belongs to and what the method does to it; (null, Action) when no list owns the path.</summary>
    private static (ResourceDescriptor? Resource, WriteKind Kind) Target(string method, string path, List<ResourceDescriptor> lists)
    {
        foreach (var list in lists.Where(l => path.StartsWith(l.Path, StringComparison.Ordinal)))
        {
            var rest = path[list.Path.Length..];
            if (rest.Length == 0)
            {
                return method == "POST" ? (list, WriteKind.Create) : (null, WriteKind.Action);
            }

            if (rest == "{uuid}/")
            {
                return (list, method switch { "DELETE" => WriteKind.Delete, "POST" => WriteKind.Action, _ => WriteKind.Update });
            }

            if (rest.StartsWith("{uuid}/", StringComparison.Ordinal))
            {
                return (list, WriteKind.Action);
            }

            return (null, WriteKind.Action);
        }

        return (null, WriteKind.Action);
    }

    /// <summary>A <c>multipart/form-data</c> body's schema (file fields are dropped while building the input).</summary>
    private static IOpenApiSchema? FormBody(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var media) == true ? media.Schema : null;

    [GeneratedRegex("\\{([^}]+)\\}")]
    private static partial Regex PathParameters();
}
