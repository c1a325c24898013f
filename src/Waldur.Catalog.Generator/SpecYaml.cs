using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Waldur.Catalog.Generator;

/// <summary>
/// The spec's YAML as a JSON tree, beside the document model: the reader drops <c>nullable: true</c> where a schema has
/// no <c>type</c> (Waldur's <c>allOf: [$ref], nullable: true</c> and untyped JSONFields), and the emulator's data files
/// need it. Schemas are looked up by the keys the model walk follows.
/// </summary>
public static class SpecYaml
{
    public static JsonNode Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].ToJsonNode();
    }

    /// <summary>The node a local <c>$ref</c> (<c>#/components/schemas/X</c>) points at, or the node itself.</summary>
    public static JsonNode? Resolve(JsonNode root, JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? root["components"]?["schemas"]?[reference["#/components/schemas/".Length..]]
            : node;

    /// <summary>The node a JSON pointer (<c>#/paths/~1api~1x~1/get/parameters/0/schema</c>, as Microsoft.OpenApi's walker
    /// names a place) points at, or null.</summary>
    public static JsonNode? AtPointer(JsonNode root, string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        JsonNode? node = root;
        foreach (var segment in place.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonArray array => int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count ? array[i] : null,
                JsonObject o => o[key],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The YAML of an operation's JSON media type schema (<paramref name="where"/>: the keys from the operation down).</summary>
    public static JsonNode? At(JsonNode root, params string[] where) =>
        where.Aggregate<string, JsonNode?>(root, (node, key) => node?[key]);
}
