using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>
/// The fields a connection's selection asks of its items, under one <c>nodes</c> or <c>edges { node }</c> field, through
/// fragments and inline fragments. Directives are not evaluated: a field under <c>@skip</c> still counts, which at worst
/// asks Waldur for a field the answer leaves out, and keeps the answer the same for every value of the variables.
/// Names are those at the node's level and, one level down, the sub-fields of an object field as <c>field.sub</c> (a
/// nested row reads only those); an object field with arguments (an in-memory <c>where</c>/<c>order</c> reads any of
/// its fields) is <c>field.*</c>, read whole.
/// </summary>
internal static class NodeSelection
{
    /// <summary>The item fields under <paramref name="field"/>, a connection's <c>nodes</c> or <c>edges</c>.</summary>
    public static IReadOnlySet<string> Of(FragmentMap fragments, GraphQLField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var items = new ItemFields(fragments);
        return field.Name.StringValue == "edges" ? new EdgeNodes(items, fragments).Over(field.SelectionSet) : items.Over(field.SelectionSet);
    }

    private sealed class ItemFields(FragmentMap fragments) : NameSetFold(fragments)
    {
        private readonly DirectFieldNames _subFields = new(fragments);

        protected override IReadOnlySet<string> Field(GraphQLField field)
        {
            var name = field.Name.StringValue;
            var names = new HashSet<string>(StringComparer.Ordinal) { name };
            if (field.SelectionSet is null)
            {
                return names;
            }

            if (field.Arguments is { Count: > 0 })
            {
                names.Add(name + ".*");
                return names;
            }

            foreach (var subField in _subFields.Over(field.SelectionSet))
            {
                names.Add(name + "." + subField);
            }

            return names;
        }
    }

    /// <summary>The item fields under each <c>node</c> of an <c>edges</c> selection; its other fields (<c>cursor</c>) are not items'.</summary>
    private sealed class EdgeNodes(ItemFields items, FragmentMap fragments) : NameSetFold(fragments)
    {
        protected override IReadOnlySet<string> Field(GraphQLField field) =>
            field.Name.StringValue == "node" ? items.Over(field.SelectionSet) : Empty;
    }
}
