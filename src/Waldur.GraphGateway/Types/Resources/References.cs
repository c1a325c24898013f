using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// A reference made navigable: beside Waldur's <c>projectUuid</c> (or a <c>customer</c> URL) the item type gets
/// <c>project: Project</c>, resolved through the target's by-uuid loader, so every reference of one execution level is
/// one batch per target type, and rows already seen in the request cost nothing.
/// </summary>
internal static class References
{
    public static void Add(ObjectGraphType<WaldurRow> item, RowField field, string name, ResourceGraph target)
    {
        var index = field.Index;
        var typeName = target.Resource.TypeName;
        var fromUrl = field.Descriptor.ReferenceFromUrl;
        item.Field(name, target.Item)
            .Description($"The {target.Resource.Descriptor.Noun} `{field.Name}` refers to (null when there is none or the caller may not see it).")
            .Resolve(c => c.Source[index] is string value && Uuid(value, fromUrl) is { } uuid
                ? c.Loaders().ByUuid(typeName).Load(uuid)
                : null);
    }

    /// <summary>The normalised uuid in a reference: the value itself, or the last path segment of a URL (<c>…/{uuid}/</c>).</summary>
    internal static string? Uuid(string value, bool fromUrl)
    {
        var text = fromUrl ? LastSegment(value) : value;
        return WaldurUuid.TryNormalize(text, out var uuid) ? uuid : null;
    }

    private static string LastSegment(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }
}
