using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>
/// A document's fragment definitions by name, built once per document (<see cref="DocumentFacts"/>) and shared by every
/// walk of it. A name defined twice keeps its first definition: the validators report the duplicate.
/// </summary>
internal sealed class FragmentMap
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _byName = new(StringComparer.Ordinal);

    public FragmentMap(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _byName.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public bool TryGet(string name, out GraphQLFragmentDefinition fragment) => _byName.TryGetValue(name, out fragment!);
}
