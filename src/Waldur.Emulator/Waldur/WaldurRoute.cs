namespace Waldur.Emulator.Waldur;

/// <summary>Which Waldur resource a path names, resolved as Django's URL patterns and DRF's router would (U1, U2).</summary>
internal sealed record WaldurRoute(IEmulatedResource Resource, string? Lookup, string? FormatSuffix)
{
    public bool IsList => Lookup is null;

    /// <summary>Matches <c>/api/X/</c>, <c>/api/X/{lookup}/</c> (lookup is <c>[^/.]+</c>) and DRF's format-suffix forms
    /// <c>/api/X.json[/]</c>, <c>/api/X/{lookup}.json[/]</c>, then the spec's other list paths (<see cref="Generic.GenericLists"/>,
    /// without format suffixes). Paths are case-sensitive.</summary>
    public static WaldurRoute? Match(string path, ResourceRegistry registry)
    {
        foreach (var resource in registry.Resources)
        {
            var prefix = resource.Prefix;
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[prefix.Length..];
            if (rest == "/")
            {
                return new WaldurRoute(resource, null, null);
            }

            if (rest.Length > 0 && rest[0] == '.' && Suffix(rest[1..]) is { } listFormat)
            {
                return new WaldurRoute(resource, null, listFormat);
            }

            if (rest.Length < 2 || rest[0] != '/' || !resource.HasDetail)
            {
                continue;
            }

            var body = rest[1..];
            var slash = body.IndexOf('/', StringComparison.Ordinal);
            var dot = body.IndexOf('.', StringComparison.Ordinal);
            if (slash > 0 && (dot < 0 || dot > slash) && slash == body.Length - 1)
            {
                // DRF's router puts list actions (`customers/countries/`) before the detail route.
                return registry.Generic.MatchLiteral(path) ?? new WaldurRoute(resource, body[..slash], null);
            }

            if (dot > 0 && (slash < 0 || slash > dot) && Suffix(body[(dot + 1)..]) is { } detailFormat)
            {
                return new WaldurRoute(resource, body[..dot], detailFormat);
            }
        }

        return registry.Generic.Match(path);
    }

    // DRF's format suffix pattern: \.(?P<format>[a-z0-9]+)/?$
    private static string? Suffix(string text)
    {
        var format = text.EndsWith('/') ? text[..^1] : text;
        return format.Length > 0 && format.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) ? format : null;
    }
}
