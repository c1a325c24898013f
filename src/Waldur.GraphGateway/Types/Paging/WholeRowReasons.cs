using GraphQL;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>
/// What in an operation makes a list without <c>field=</c> read whole rows rather than only the keys its selection
/// needs. Names only, not types: a false match costs a whole-row read, never a wrong answer or a Waldur request.
/// </summary>
internal static class WholeRowReasons
{
    private static readonly HashSet<string> AnyType = new(StringComparer.Ordinal) { "node", "nodes", "_entities" };

    /// <summary>
    /// Whether the operation may look rows up by uuid through one of <paramref name="fieldNames"/> (anywhere, through
    /// fragments), or through Relay's root <c>node</c>/<c>nodes</c> or federation's <c>_entities</c>, which may ask for any
    /// type: partial rows never prime the by-uuid caches, whole ones make those lookups free.
    /// </summary>
    public static bool LooksUpByUuid(IResolveFieldContext context, IReadOnlySet<string> fieldNames)
    {
        var fragments = Fragments(context);
        return Count(context.Operation.SelectionSet, fragments, AnyType, depth: 0, maxDepth: 0, stopAt: 1) > 0
               || (fieldNames.Count > 0 && Count(context.Operation.SelectionSet, fragments, fieldNames, 0, int.MaxValue, stopAt: 1) > 0);
    }

    /// <summary>
    /// Whether the field being resolved is named more than once in the operation (aliases): they may send the same
    /// Waldur URL with different selections, and whole rows let them share one read instead of one read each.
    /// </summary>
    public static bool RepeatsField(IResolveFieldContext context)
    {
        var name = new HashSet<string>(StringComparer.Ordinal) { context.FieldDefinition.Name };
        return Count(context.Operation.SelectionSet, Fragments(context), name, 0, int.MaxValue, stopAt: 2) > 1;
    }

    private static Dictionary<string, GraphQLFragmentDefinition> Fragments(IResolveFieldContext context) =>
        context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// Fields named in <paramref name="names"/> at most <paramref name="maxDepth"/> fields deep (0: the root's own),
    /// counted up to <paramref name="stopAt"/>.
    /// </summary>
    private static int Count(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlySet<string> names,
        int depth, int maxDepth, int stopAt)
    {
        var count = 0;
        if (set is null)
        {
            return count;
        }

        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field => (names.Contains(field.Name.StringValue) ? 1 : 0)
                                      + (depth < maxDepth ? Count(field.SelectionSet, fragments, names, depth + 1, maxDepth, stopAt) : 0),
                GraphQLInlineFragment inline => Count(inline.SelectionSet, fragments, names, depth, maxDepth, stopAt),
                GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    ? Count(fragment.SelectionSet, fragments, names, depth, maxDepth, stopAt)
                    : 0,
                _ => 0,
            };
            if (count >= stopAt)
            {
                return count;
            }
        }

        return count;
    }
}
