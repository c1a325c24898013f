using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// How a write of no catalog resource types its answer (issue 23), from its first 2xx <c>application/json</c> schema:
/// a <c>$ref</c> to a list's item schema (or an array of them) is that list's type; any other schema with documented
/// properties (a <c>$ref</c>, an array of one, or inline) is a generated <see cref="AnswerTypeDescriptor"/> named after
/// its component (<c>{Component}Answer</c> when a catalog type or enum has that name), or <c>{Mutation}Answer</c> when
/// inline. Answers with no documented properties (no body, free-form objects) stay JSON text only.
/// </summary>
internal sealed class WriteAnswers
{
    private readonly Dictionary<string, string> _rowTypes;
    private readonly HashSet<string> _taken;
    private readonly Dictionary<string, AnswerTypeDescriptor> _byComponent = new(StringComparer.Ordinal);

    /// <param name="rowTypes">Item schema id → the type of the list that owns it.</param>
    /// <param name="taken">Type and enum names the catalog already uses.</param>
    public WriteAnswers(Dictionary<string, string> rowTypes, IEnumerable<string> taken)
    {
        _rowTypes = rowTypes;
        _taken = taken.ToHashSet(StringComparer.Ordinal);
    }

    public sealed record Answer(string? ResultType, AnswerTypeDescriptor? AnswerType, bool IsList);

    public Answer For(OpenApiOperation operation, string mutationName)
    {
        var success = operation.Responses?.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value).FirstOrDefault();
        if (success?.Content is not { } content || !content.TryGetValue("application/json", out var media) || media.Schema is not { } schema)
        {
            return new Answer(null, null, false);
        }

        var isList = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema is not OpenApiSchemaReference;
        var item = isList ? schema.Items : schema;
        if (item is OpenApiSchemaReference { Reference.Id: { } id } reference)
        {
            if (_rowTypes.TryGetValue(id, out var rowType))
            {
                return new Answer(rowType, null, isList);
            }

            return new Answer(null, Component(id, reference.Target), isList);
        }
        return new Answer(null, item is null ? null : Build(Naming.Capitalise(mutationName) + "Answer", $"What `{mutationName}` answers.", item), isList);
    }

    private AnswerTypeDescriptor? Component(string id, IOpenApiSchema? target)
    {
        if (_byComponent.TryGetValue(id, out var known))
        {
            return known;
        }

        var name = _taken.Contains(id) ? id + "Answer" : id;
        var built = target is null ? null : Build(name, $"Waldur's `{id}` answer.", target);
        if (built is not null)
        {
            _byComponent[id] = built;
        }

        return built;
    }

    private AnswerTypeDescriptor? Build(string typeName, string description, IOpenApiSchema schema)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return null;
        }

        if (!_taken.Add(typeName))
        {
            throw new CatalogException($"answer type \"{typeName}\": the name is taken.");
        }

        var required = schema.Required ?? new HashSet<string>();
        var fields = properties.Select(p =>
        {
            var (kind, isList, _) = CatalogBuilder.Classify(p.Value, new Dictionary<string, string>());
            var items = p.Value.Type?.HasFlag(JsonSchemaType.Array) == true ? p.Value.Items : p.Value;
            // As on generated lists: an int64 does not fit GraphQL's Int, so it is its exact JSON text.
            if (kind == ValueKind.Int && string.Equals(items?.Format, "int64", StringComparison.Ordinal))
            {
                kind = ValueKind.Json;
            }

            return new FieldDescriptor(
                Name: Naming.NotRelayId(AllListsNaming.FieldName(p.Key)),
                JsonName: p.Key,
                Kind: kind,
                Nullable: !required.Contains(p.Key) || p.Value.Type?.HasFlag(JsonSchemaType.Null) == true || p.Value.AllOf is { Count: > 0 },
                Description: string.IsNullOrWhiteSpace(p.Value.Description) ? $"The answer's `{p.Key}`." : p.Value.Description.Trim(),
                IsList: isList,
                Filterable: false,
                Sortable: false);
        }).ToList();
        CatalogBuilder.CheckUnique(fields, f => f.Name, $"answer type {typeName} field name");
        return new AnswerTypeDescriptor(typeName, description, fields);
    }
}
