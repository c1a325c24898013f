using GraphQL;
using GraphQL.Resolvers;

namespace Waldur.GraphGateway.Types;

/// <summary>
/// A resolver whose value, when the query passes the field no arguments, is a function of its source alone (no loaders,
/// no I/O), so the execution strategy may read it without building a node and a context per field
/// (<c>Schema/FlatListExecutionStrategy</c>, which asks it only for fields the query passes no arguments to).
/// </summary>
internal interface IPureFieldResolver : IFieldResolver
{
    /// <summary>The field's value for <paramref name="source"/> without arguments; false when resolving it would report an error.</summary>
    bool TryRead(object source, out object? value);
}

/// <summary>
/// <see cref="IPureFieldResolver"/> over a <typeparamref name="TSource"/>: <c>read</c> answers every source it can
/// answer without an error, when no argument is given; <c>resolve</c> answers the rest (reporting the field error), and
/// every call with arguments.
/// </summary>
internal sealed class PureFieldResolver<TSource>(PureFieldResolver<TSource>.Reader read, Func<IResolveFieldContext, TSource, object?>? resolve = null)
    : IPureFieldResolver
{
    public delegate bool Reader(TSource source, out object? value);

    public bool TryRead(object source, out object? value)
    {
        if (source is TSource typed)
        {
            return read(typed, out value);
        }

        value = null;
        return false;
    }

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = (TSource)context.Source!;
        if ((resolve is null || context.Arguments is not { Count: > 0 }) && read(source, out var value))
        {
            return new(value);
        }

        return resolve is null
            ? throw new InvalidOperationException($"`{context.FieldDefinition.Name}` could not be read and has no resolver for it.")
            : new(resolve(context, source));
    }
}
