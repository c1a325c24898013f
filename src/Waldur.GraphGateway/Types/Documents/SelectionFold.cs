using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>
/// The one walk of a selection set: each field in it, through inline fragments and fragment spreads, folded into one
/// value. Each fragment is folded once and its value reused wherever it is spread, so a "fragment bomb" (each fragment
/// spreading the previous one twice) costs linear time. Directives are not evaluated: what a fold answers holds for
/// every value of the request's variables. Unknown and cyclic fragments add nothing (the validators report them).
/// An instance keeps its fragments' values, so it serves one document and one thread.
/// </summary>
internal abstract class SelectionFold<T>(FragmentMap fragments)
{
    private readonly Dictionary<string, T> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

    /// <summary>The value of a selection set with no fields.</summary>
    protected abstract T Empty { get; }

    /// <summary>One field's value; a fold that looks inside the field calls <see cref="Over"/> on its selection set.</summary>
    protected abstract T Field(GraphQLField field);

    protected abstract T Combine(T left, T right);

    public T Over(GraphQLSelectionSet? selectionSet)
    {
        var value = Empty;
        if (selectionSet is null)
        {
            return value;
        }

        foreach (var selection in selectionSet.Selections)
        {
            var next = selection switch
            {
                GraphQLField field => Field(field),
                GraphQLInlineFragment inline => Over(inline.SelectionSet),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                _ => Empty,
            };
            value = Combine(value, next);
        }

        return value;
    }

    private T Spread(string name)
    {
        if (_fragments.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGet(name, out var fragment) || !_visiting.Add(name))
        {
            return Empty;
        }

        var value = Over(fragment.SelectionSet);
        _visiting.Remove(name);
        _fragments[name] = value;
        return value;
    }
}
