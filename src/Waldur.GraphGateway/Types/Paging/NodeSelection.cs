using GraphQL;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>
/// The fields a connection's selection asks of its items, under <c>nodes</c> and <c>edges { node }</c>, through fragments
/// and inline fragments (validation has already refused cycles). Directives are not evaluated: a field under
/// <c>@skip</c> still counts, which at worst asks Waldur for a field the answer leaves out.
/// </summary>
internal static class NodeSelection
{
    public static IReadOnlyCollection<string>? Of(IResolveFieldContext context)
    {
        if (context.SubFields is not { } selected)
        {
            return null;
        }

        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, _) in selected.Values)
        {
            switch (field.Name.StringValue)
            {
                case "nodes":
                    Collect(field.SelectionSet, fragments, names, through: null);
                    break;
                case "edges":
                    Collect(field.SelectionSet, fragments, names, through: "node");
                    break;
            }
        }
        return names;
    }

    /// <summary>
    /// Names at the node's level under <paramref name="prefix"/> "" and, one level down, the sub-fields of an object
    /// field as <c>field.sub</c> (a nested row reads only those); an object field with arguments (an in-memory
    /// <c>where</c>/<c>order</c> reads any of its fields) is <c>field.*</c>, read whole.
    /// </summary>
    private static void Collect(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> names,
        string? through, string prefix = "")
    {
        if (set is null)
        {
            return;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when through is null:
                    var name = prefix + field.Name.StringValue;
                    names.Add(name);
                    if (prefix.Length == 0 && field.SelectionSet is not null)
                    {
                        if (field.Arguments is { Count: > 0 })
                        {
                            names.Add(name + ".*");
                        }
                        else
                        {
                            Collect(field.SelectionSet, fragments, names, through: null, prefix: name + ".");
                        }
                    }

                    break;
                case GraphQLField field when field.Name.StringValue == through:
                    Collect(field.SelectionSet, fragments, names, through: null);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fragments, names, through, prefix);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, fragments, names, through, prefix);
                    break;
            }
        }
    }
}
