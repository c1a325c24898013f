using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Federation;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// Builds the graph types of every catalog resource from its descriptor: item type, <c>where</c>/<c>order</c> inputs,
/// connection and edge, HotChocolate's list filter for each embedded list, and the root fields
/// (<see cref="ResourceQueryFields"/>). Fresh instances per schema: a graph type belongs to one schema.
/// </summary>
internal sealed class CatalogGraphTypes
{
    private readonly List<ResourceGraph> _graphs;
    private readonly Dictionary<string, ResourceGraph> _byType;
    private readonly Dictionary<string, ResourceGraph> _byRetrieveOperation;
    private readonly Dictionary<string, InputObjectGraphType> _listFilters = new(StringComparer.Ordinal);
    private readonly ILookup<string, ResourceGraph> _nested;

    public CatalogGraphTypes(ListResources resources, FederationOptions federation)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(federation);
        _graphs = resources.All.Select(r => new ResourceGraph(r, resources.LookupFields.For(r))).ToList();
        _byType = _graphs.ToDictionary(g => g.Resource.TypeName, StringComparer.Ordinal);
        _byRetrieveOperation = _graphs.Where(g => g.IsNode && g.Resource.Descriptor.RetrieveOperationId is not null)
            .ToDictionary(g => g.Resource.Descriptor.RetrieveOperationId!, StringComparer.Ordinal);
        _nested = _graphs.Where(g => g.Resource.Descriptor.Parent is not null).ToLookup(g => g.Resource.Descriptor.Parent!, StringComparer.Ordinal);
        foreach (var graph in _graphs)
        {
            ItemFields.Add(graph, this, federation);
            FilterFields.Add(graph, this);
            SortFields.Add(graph);
        }
    }

    public IReadOnlyList<ResourceGraph> All => _graphs;

    public ResourceGraph this[string typeName] => _byType[typeName];

    /// <summary>The nested lists (<see cref="Waldur.Catalog.Model.ResourceDescriptor.Parent"/>) that are connections on <paramref name="typeName"/>.</summary>
    public IEnumerable<ResourceGraph> NestedIn(string typeName) => _nested[typeName];

    public bool TryGet(string typeName, out ResourceGraph graph) => _byType.TryGetValue(typeName, out graph!);

    /// <summary>The resource a reference names by its retrieve operation (Waldur's <c>x-waldur-operation-id</c>), if in the catalog.</summary>
    public bool TryGetByRetrieveOperation(string operationId, out ResourceGraph graph) =>
        _byRetrieveOperation.TryGetValue(operationId, out graph!);

    internal EnumGraphTypes Enums { get; } = new();

    /// <summary>
    /// HotChocolate's <c>ListFilterInputTypeOf{X}FilterInput</c> for lists of <paramref name="element"/>, shared by every
    /// resource that embeds such a list; worded for the first one (<paramref name="ownerNoun"/>).
    /// </summary>
    internal InputObjectGraphType ListFilter(ResourceGraph element, string ownerNoun)
    {
        var name = "ListFilterInputTypeOf" + element.Filter.Name;
        if (_listFilters.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var noun = element.Resource.Descriptor.Noun;
        var input = new InputObjectGraphType { Name = name };
        input.Field(Loading.Filtering.FilterOperations.All, element.Filter).Description($"Every {noun} matches.");
        input.Field(Loading.Filtering.FilterOperations.None, element.Filter).Description($"No {noun} matches.");
        input.Field(Loading.Filtering.FilterOperations.Some, element.Filter).Description($"At least one {noun} matches.");
        input.Field<BooleanGraphType>(Loading.Filtering.FilterOperations.Any).Description($"True: the {ownerNoun} has at least one {noun}; false: none.");
        _listFilters[name] = input;
        return input;
    }
}
