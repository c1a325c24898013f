using GraphQL.Types;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>
/// HotChocolate's comparable operation input (<c>IntOperationFilterInput</c>, <c>DateTimeOperationFilterInput</c>, …)
/// over the scalar <typeparamref name="TScalar"/>. Comparisons with a null value are false; their negations true.
/// </summary>
internal abstract class ComparableOperationFilterInputGraphType<TScalar> : InputObjectGraphType
    where TScalar : ScalarGraphType
{
    protected ComparableOperationFilterInputGraphType(string name)
    {
        Name = name;
        var self = GetType();
        Field("and", typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(self)));
        Field("or", typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(self)));
        Field<TScalar>(FilterOperations.Eq);
        Field<TScalar>(FilterOperations.Neq);
        Field<ListGraphType<TScalar>>(FilterOperations.In);
        Field<ListGraphType<TScalar>>(FilterOperations.Nin);
        Field<TScalar>(FilterOperations.Gt);
        Field<TScalar>(FilterOperations.Ngt);
        Field<TScalar>(FilterOperations.Gte);
        Field<TScalar>(FilterOperations.Ngte);
        Field<TScalar>(FilterOperations.Lt);
        Field<TScalar>(FilterOperations.Nlt);
        Field<TScalar>(FilterOperations.Lte);
        Field<TScalar>(FilterOperations.Nlte);
    }
}
