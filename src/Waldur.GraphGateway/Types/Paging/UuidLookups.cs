using GraphQL;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>
/// Whether the operation may look rows up by uuid through one of the given field names (anywhere, through fragments),
/// or through Relay's root <c>node</c>/<c>nodes</c> or federation's <c>_entities</c>, which may ask for any type. Names
/// only, not types: a false match costs a whole-row read, never a wrong answer.
/// </summary>
internal static class UuidLookups
{
    private static readonly HashSet<string> AnyType = new(StringComparer.Ordinal) { "node", "nodes", "_entities" };

    public static bool InOperation(IResolveFieldContext context, IReadOnlySet<string> fieldNames)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return Any(context.Operation.SelectionSet, fragments, AnyType, depth: 0, maxDepth: 0)
               || (fieldNames.Count > 0 && Any(context.Operation.SelectionSet, fragments, fieldNames, depth: 0, maxDepth: int.MaxValue));
    }

    /// <summary>A field named in <paramref name="names"/> at most <paramref name="maxDepth"/> fields deep (0: the root's own).</summary>
    private static bool Any(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlySet<string> names,
        int depth, int maxDepth)
    {
        if (set is null)
            return false;
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => names.Contains(field.Name.StringValue)
                                      || (depth < maxDepth && Any(field.SelectionSet, fragments, names, depth + 1, maxDepth)),
                GraphQLInlineFragment inline => Any(inline.SelectionSet, fragments, names, depth, maxDepth),
                GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                                                && Any(fragment.SelectionSet, fragments, names, depth, maxDepth),
                _ => false,
            };
            if (found)
                return true;
        }

        return false;
    }
}
