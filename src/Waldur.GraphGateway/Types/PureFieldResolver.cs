using GraphQL;
using GraphQL.Resolvers;

namespace Waldur.GraphGateway.Types;

/// <summary>
/// A resolver whose value is a function of its source alone (no arguments, no loaders, no I/O), so the execution
/// strategy may read it without building a node and a context per field (<c>Schema/FlatListExecutionStrategy</c>).
/// </summary>
internal interface IPureFieldResolver : IFieldResolver
{
    /// <summary>The field's value for <paramref name="source"/>; false when resolving it would report an error.</summary>
    bool TryRead(object source, out object? value);
}

/// <summary>
/// <see cref="IPureFieldResolver"/> over a <typeparamref name="TSource"/>: <c>read</c> answers every source it can
/// answer without an error; for the rest the resolver calls <c>onError</c>, which reports the field error and answers.
/// </summary>
internal sealed class PureFieldResolver<TSource>(PureFieldResolver<TSource>.Reader read, Func<IResolveFieldContext, TSource, object?>? onError = null)
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
        if (read(source, out var value))
        {
            return new(value);
        }

        return onError is null
            ? throw new InvalidOperationException($"`{context.FieldDefinition.Name}` could not be read and has no error to report.")
            : new(onError(context, source));
    }
}
