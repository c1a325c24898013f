using GraphQLParser.AST;
using Waldur.GraphGateway.Types.Documents;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Measures depth, expanded field count and aliases in one pass over the syntax tree, before validation runs.
/// Fragments are measured once each (<see cref="SelectionFold{T}"/>), so a "fragment bomb" (each fragment spreading the
/// previous one twice) is measured in linear time and rejected by the field limit instead of being expanded by the validators.
/// </summary>
internal static class DocumentShapeAnalyzer
{
    public static DocumentShape Analyze(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var measure = new Measure(DocumentFacts.Of(document).Fragments);
        int depth = 0;
        long fields = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var (d, f) = measure.Over(operation.SelectionSet);
            depth = Math.Max(depth, d);
            fields = Saturate(fields + f);
        }

        return new DocumentShape(depth, fields, CountAliases(document));
    }

    private static long Saturate(long value) => value < 0 || value > int.MaxValue ? int.MaxValue : value;

    /// <summary>Aliases as written: each fragment once, however often it is spread.</summary>
    private static int CountAliases(ASTNode node)
    {
        int count = node is GraphQLField { Alias: not null } ? 1 : 0;
        IEnumerable<ASTNode> children = node switch
        {
            GraphQLDocument doc => doc.Definitions,
            GraphQLOperationDefinition op => [op.SelectionSet],
            GraphQLFragmentDefinition fd => [fd.SelectionSet],
            GraphQLSelectionSet set => set.Selections,
            GraphQLField { SelectionSet: not null } f => [f.SelectionSet],
            GraphQLInlineFragment inline => [inline.SelectionSet],
            _ => [],
        };
        foreach (var child in children)
        {
            count += CountAliases(child);
        }

        return count;
    }

    /// <summary>A selection's depth in fields and its field count with fragments expanded.</summary>
    private sealed class Measure(FragmentMap fragments) : SelectionFold<(int Depth, long Fields)>(fragments)
    {
        protected override (int Depth, long Fields) Empty => (0, 0);

        protected override (int Depth, long Fields) Field(GraphQLField field)
        {
            var (depth, fields) = Over(field.SelectionSet);
            // Introspection answers from the schema in memory; its deep ofType chains are not work worth limiting.
            bool introspection = field.Name.StringValue.StartsWith("__", StringComparison.Ordinal);
            return (introspection ? 0 : depth + 1, Saturate(fields + 1));
        }

        protected override (int Depth, long Fields) Combine((int Depth, long Fields) left, (int Depth, long Fields) right) =>
            (Math.Max(left.Depth, right.Depth), Saturate(left.Fields + right.Fields));
    }
}
