using GraphQLParser.AST;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Measures depth, expanded field count and aliases in one pass over the syntax tree, before validation runs.
/// Fragment results are memoised, so a "fragment bomb" (each fragment spreading the previous one twice) is measured
/// in linear time and rejected by the field limit instead of being expanded by the validators.
/// </summary>
public static class DocumentShapeAnalyzer
{
    public static DocumentShape Analyze(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var walker = new Walker(fragments);
        int depth = 0;
        long fields = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var (d, f) = walker.Measure(operation.SelectionSet);
            depth = Math.Max(depth, d);
            fields = Saturate(fields + f);
        }

        return new DocumentShape(depth, fields, Walker.CountAliases(document));
    }

    private static long Saturate(long value) => value < 0 || value > int.MaxValue ? int.MaxValue : value;

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, (int Depth, long Fields)> _memo = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public (int Depth, long Fields) Measure(GraphQLSelectionSet? selectionSet)
        {
            if (selectionSet is null)
            {
                return (0, 0);
            }

            int depth = 0;
            long fields = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var (d, f) = selection switch
                {
                    GraphQLField field => MeasureField(field),
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                    GraphQLFragmentSpread spread => MeasureFragment(spread.FragmentName.Name.StringValue),
                    _ => (0, 0L),
                };
                depth = Math.Max(depth, d);
                fields = Saturate(fields + f);
            }

            return (depth, fields);
        }

        private (int, long) MeasureField(GraphQLField field)
        {
            var (d, f) = Measure(field.SelectionSet);
            // Introspection answers from the schema in memory; its deep ofType chains are not work worth limiting.
            bool introspection = field.Name.StringValue.StartsWith("__", StringComparison.Ordinal);
            return (introspection ? 0 : d + 1, Saturate(f + 1));
        }

        private (int, long) MeasureFragment(string name)
        {
            if (_memo.TryGetValue(name, out var known))
            {
                return known;
            }

            // Unknown or cyclic fragments are the validators' to report; they add nothing here.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name))
            {
                return (0, 0);
            }

            var measured = Measure(fragment.SelectionSet);
            _visiting.Remove(name);
            _memo[name] = measured;
            return measured;
        }

        public static int CountAliases(ASTNode node)
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
    }
}
