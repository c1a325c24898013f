using Waldur.Emulator.Waldur.Generic;

namespace Waldur.Emulator.Writes;

/// <summary>What a write operation does to the list its path lies under.</summary>
internal enum GenericWriteKind
{
    /// <summary>POST on a list path: <c>CreateModelMixin.create</c>.</summary>
    Create,

    /// <summary>PUT/PATCH on <c>{list}{lookup}/</c>: <c>UpdateModelMixin.update</c>.</summary>
    Update,

    /// <summary>DELETE on <c>{list}{lookup}/</c>: <c>DestroyModelMixin.destroy</c>.</summary>
    Delete,

    /// <summary>A <c>@action(detail=True)</c> below <c>{list}{lookup}/</c>: the object must exist.</summary>
    ObjectAction,

    /// <summary>Anything else: a <c>@action(detail=False)</c> or a view of its own.</summary>
    Action,
}

/// <summary>A write operation bound to a request path: the concrete list path its object lives in (null when none), the
/// object's lookup segment as requested (null for creates and collection actions).</summary>
internal sealed record GenericWriteMatch(WriteOperation Operation, GenericWriteKind Kind, string? ListPath, string? Lookup, string Allow);

/// <summary>
/// Routes every write operation of the spec by its path template as Django and DRF's router do: segments compared one by
/// one, a parameter matching <c>[^/.]+</c>, literal segments before parameters (<c>/api/x/some_action/</c> before
/// <c>/api/x/{uuid}/</c>). Each template is tied, once, to the longest list path of the spec it lies under (the list
/// extract's lists, generic or table-served) to know what it writes.
/// </summary>
internal sealed class GenericWriteRoutes
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    private readonly Lazy<Template[]> _templates = new(Build);

    public GenericWriteMatch? Match(string method, string path)
    {
        // A few spec paths have no trailing slash (`/api/remote-waldur-api/pull_order/{uuid}`, Django path()s): the
        // request's slash must be the template's, as Django's patterns are anchored.
        var slash = path.EndsWith('/');
        var segments = path[1..].TrimEnd('/').Split('/');
        foreach (var template in _templates.Value)
        {
            if (template.Operation.Method != method || template.Slash != slash || template.Segments.Length != segments.Length
                || !Matches(template.Segments, segments))
            {
                continue;
            }

            var listPath = template.ListSegments < 0 ? null : "/" + string.Join("/", segments[..template.ListSegments]) + "/";
            var lookup = template.Kind is GenericWriteKind.Update or GenericWriteKind.Delete or GenericWriteKind.ObjectAction
                ? segments[template.ListSegments]
                : null;
            return new GenericWriteMatch(template.Operation, template.Kind, listPath, lookup, template.Allow);
        }

        return null;
    }

    private static bool Matches(string[] expected, string[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var ok = expected[i].StartsWith('{')
                ? segments[i].Length > 0 && !segments[i].Contains('.', StringComparison.Ordinal)
                : expected[i] == segments[i];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Template[] Build()
    {
        var lists = ListCatalog.Instance.Lists.ToDictionary(l => l.Path, StringComparer.Ordinal);
        var writes = WriteCatalog.Instance.Writes;
        var templates = writes.Select(w =>
        {
            var (kind, list) = Classify(w, lists);
            var segments = w.Path[1..].TrimEnd('/').Split('/');
            return new Template(segments, w.Path.EndsWith('/'), w, kind, list is null ? -1 : list.Path[1..^1].Split('/').Length, Allow(w.Path, writes, lists));
        });

        // Django tries patterns in order and DRF's router registers literal routes first: literal segments win.
        return [.. templates.OrderBy(t => string.Concat(t.Segments.Select(s => s.StartsWith('{') ? '1' : '0')), StringComparer.Ordinal)];
    }

    private static (GenericWriteKind Kind, ListOperation? List) Classify(WriteOperation write, Dictionary<string, ListOperation> lists)
    {
        if (write.Method == "POST" && lists.TryGetValue(write.Path, out var own))
        {
            return (GenericWriteKind.Create, own);
        }

        // The longest list path the template lies under.
        var under = lists.Values.Where(l => write.Path.StartsWith(l.Path, StringComparison.Ordinal) && write.Path != l.Path)
            .OrderByDescending(l => l.Path.Length).FirstOrDefault();
        if (under is null)
        {
            return (GenericWriteKind.Action, null);
        }

        var rest = write.Path[under.Path.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (under.Detail is null || !rest[0].StartsWith('{'))
        {
            return (GenericWriteKind.Action, under);
        }

        return rest.Length > 1 ? (GenericWriteKind.ObjectAction, under)
            : write.Method == "DELETE" ? (GenericWriteKind.Delete, under)
            : write.Method is "PUT" or "PATCH" ? (GenericWriteKind.Update, under)
            : (GenericWriteKind.ObjectAction, under);
    }

    // DRF's APIView.allowed_methods: http_method_names order (get, post, put, patch, delete, head, options) over the
    // methods the view has for this route.
    private static string Allow(string path, IReadOnlyList<WriteOperation> writes, Dictionary<string, ListOperation> lists)
    {
        var methods = writes.Where(w => w.Path == path).Select(w => w.Method).ToHashSet(StringComparer.Ordinal);
        var readable = lists.ContainsKey(path) || lists.Values.Any(l => l.Detail is not null && path.StartsWith(l.Path, StringComparison.Ordinal)
            && path[l.Path.Length..] is { Length: > 2 } rest && rest[0] == '{' && rest.IndexOf('/', StringComparison.Ordinal) == rest.Length - 1);
        var names = MethodOrder.Where(m => m == "OPTIONS" || methods.Contains(m) || (readable && m is "GET" or "HEAD"));
        return string.Join(", ", names);
    }

    private sealed record Template(string[] Segments, bool Slash, WriteOperation Operation, GenericWriteKind Kind, int ListSegments, string Allow);
}
