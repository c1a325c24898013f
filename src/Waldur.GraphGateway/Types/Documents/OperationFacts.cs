using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>
/// What in one operation makes a list without <c>field=</c> read whole rows rather than only the keys its selection
/// needs, walked once per operation (<see cref="DocumentFacts"/>). Names only, not types: a false match costs a
/// whole-row read, never a wrong answer or a Waldur request. Directives are not evaluated, so the answers hold for every
/// value of the variables.
/// </summary>
internal sealed class OperationFacts
{
    private static readonly HashSet<string> AnyType = new(StringComparer.Ordinal) { "node", "nodes", "_entities" };

    private readonly IReadOnlySet<string> _rootFields;
    private readonly IReadOnlyDictionary<string, int> _fieldCounts;

    public OperationFacts(FragmentMap fragments, GraphQLOperationDefinition operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _rootFields = new DirectFieldNames(fragments).Over(operation.SelectionSet);
        _fieldCounts = new FieldCounts(fragments).Over(operation.SelectionSet);
    }

    /// <summary>
    /// Whether the operation may look rows up by uuid through one of <paramref name="lookupFields"/> (anywhere, through
    /// fragments), or through Relay's root <c>node</c>/<c>nodes</c> or federation's <c>_entities</c>, which may ask for any
    /// type: partial rows never prime the by-uuid caches, whole ones make those lookups free.
    /// </summary>
    public bool LooksUpByUuid(IReadOnlySet<string> lookupFields)
    {
        ArgumentNullException.ThrowIfNull(lookupFields);
        return _rootFields.Overlaps(AnyType) || lookupFields.Any(_fieldCounts.ContainsKey);
    }

    /// <summary>
    /// Whether a field named <paramref name="fieldName"/> occurs more than once in the operation, fragments expanded
    /// (aliases): they may send the same Waldur URL with different selections, and whole rows let them share one read.
    /// </summary>
    public bool Repeats(string fieldName) => _fieldCounts.TryGetValue(fieldName, out var count) && count > 1;

    /// <summary>How often each field name occurs at any depth, fragments expanded; counted up to 2, all the question needs.</summary>
    private sealed class FieldCounts(FragmentMap fragments) : SelectionFold<IReadOnlyDictionary<string, int>>(fragments)
    {
        private static readonly Dictionary<string, int> None = new(StringComparer.Ordinal);

        protected override IReadOnlyDictionary<string, int> Empty => None;

        protected override IReadOnlyDictionary<string, int> Field(GraphQLField field) =>
            Combine(new Dictionary<string, int>(StringComparer.Ordinal) { [field.Name.StringValue] = 1 }, Over(field.SelectionSet));

        protected override IReadOnlyDictionary<string, int> Combine(IReadOnlyDictionary<string, int> left, IReadOnlyDictionary<string, int> right)
        {
            if (right.Count == 0)
            {
                return left;
            }

            if (left.Count == 0)
            {
                return right;
            }

            var sum = new Dictionary<string, int>(left, StringComparer.Ordinal);
            foreach (var (name, count) in right)
            {
                sum[name] = Math.Min(2, sum.GetValueOrDefault(name) + count);
            }

            return sum;
        }
    }
}
