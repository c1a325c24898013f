using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>
/// What the gateway reads off a document's syntax, worked out on first use and kept as long as the document lives
/// (GraphQL.NET's executions of a cached document share its instance), so a resolver reads them instead of walking the
/// operation again on every call: the fragments, each operation's <see cref="OperationFacts"/>, each connection's
/// <see cref="NodeSelection"/> and the projection decided from them. Only what holds for every value of the variables is
/// kept: the <c>nodes</c>/<c>edges</c> fields <c>@include</c>/<c>@skip</c> leave in are GraphQL.NET's per request and
/// part of the projection's key.
/// </summary>
internal sealed class DocumentFacts
{
    private static readonly ConditionalWeakTable<GraphQLDocument, DocumentFacts> ByDocument = new();

    private readonly ConcurrentDictionary<GraphQLOperationDefinition, OperationFacts> _operations = new();
    private readonly ConcurrentDictionary<GraphQLField, IReadOnlySet<string>> _nodeSelections = new();
    private readonly ConcurrentDictionary<ProjectionKey, IReadOnlyCollection<string>?> _projections = new();

    private DocumentFacts(GraphQLDocument document) => Fragments = new FragmentMap(document);

    public FragmentMap Fragments { get; }

    public static DocumentFacts Of(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ByDocument.GetValue(document, d => new DocumentFacts(d));
    }

    public OperationFacts Operation(GraphQLOperationDefinition operation) =>
        _operations.GetOrAdd(operation, o => new OperationFacts(Fragments, o));

    /// <summary>The item fields under one <c>nodes</c> or <c>edges</c> field of a connection.</summary>
    public IReadOnlySet<string> NodeSelectionOf(GraphQLField nodesOrEdges) =>
        _nodeSelections.GetOrAdd(nodesOrEdges, f => NodeSelection.Of(Fragments, f));

    /// <summary>
    /// The item fields the connection being resolved reads of <paramref name="resource"/> (<see cref="FieldProjection"/>;
    /// null: all of them). A list without <c>field=</c> reads whole rows (Waldur sends every key anyway) when the operation
    /// may also look up its rows, or rows nested in them, by uuid (<paramref name="lookupFields"/>: partial rows never
    /// prime the by-uuid caches), or names this list field more than once (aliases with different selections then share
    /// one Waldur read). A <c>field=</c> list keeps its projection: there it also saves Waldur's serializing and the bytes.
    /// </summary>
    public IReadOnlyCollection<string>? Projection(IResolveFieldContext context, ListResource resource, IReadOnlySet<string> lookupFields)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.SubFields is not { } selected)
        {
            return null;
        }

        // The nodes/edges fields left in after @include/@skip: almost always one, which keys the cached decision.
        GraphQLField? items = null;
        List<GraphQLField>? more = null;
        foreach (var (field, _) in selected.Values)
        {
            if (field.Name.StringValue is "nodes" or "edges")
            {
                if (items is null)
                {
                    items = field;
                }
                else
                {
                    (more ??= [items]).Add(field);
                }
            }
        }

        var fieldName = context.FieldDefinition.Name;
        if (more is not null)
        {
            return Decide(context.Operation, fieldName, resource, lookupFields, more);
        }

        return _projections.GetOrAdd(new ProjectionKey(context.Operation, fieldName, resource, items),
            key => Decide(key.Operation, key.FieldName, key.Resource, lookupFields, key.Items is null ? [] : [key.Items]));
    }

    private IReadOnlyCollection<string>? Decide(GraphQLOperationDefinition operation, string fieldName, ListResource resource,
        IReadOnlySet<string> lookupFields, IReadOnlyList<GraphQLField> items)
    {
        var facts = Operation(operation);
        if (!resource.Descriptor.SparseFields && (facts.LooksUpByUuid(lookupFields) || facts.Repeats(fieldName)))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in items)
        {
            names.UnionWith(NodeSelectionOf(field));
        }

        return FieldProjection.Selected(resource, names);
    }

    /// <summary>
    /// The lookup fields are not part of the key: they follow from the resource. Syntax nodes compare by reference.
    /// </summary>
    private readonly record struct ProjectionKey(GraphQLOperationDefinition Operation, string FieldName, ListResource Resource, GraphQLField? Items);
}
