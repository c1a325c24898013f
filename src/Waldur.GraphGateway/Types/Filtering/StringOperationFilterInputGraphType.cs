using GraphQL.Types;
using Waldur.GraphGateway.Loading.Filtering;

using static Waldur.GraphGateway.Types.Filtering.OperationFilterInputs;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>StringOperationFilterInput</c>.</summary>
internal sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or");
        Field<StringGraphType>(FilterOperations.Eq).Description("Equal to." + ExactNote);
        Field<StringGraphType>(FilterOperations.Neq).Description("Not equal to." + ExactNote);
        Field<StringGraphType>(FilterOperations.Contains).Description("Contains the substring." + CaseInsensitiveNote);
        Field<StringGraphType>(FilterOperations.NContains).Description("Does not contain the substring." + CaseInsensitiveNote);
        Field<ListGraphType<StringGraphType>>(FilterOperations.In).Description("Equal to one of the values." + ExactNote);
        Field<ListGraphType<StringGraphType>>(FilterOperations.Nin).Description("Equal to none of the values." + ExactNote);
        Field<StringGraphType>(FilterOperations.StartsWith).Description("Starts with the prefix." + CaseInsensitiveNote);
        Field<StringGraphType>(FilterOperations.NStartsWith).Description("Does not start with the prefix." + CaseInsensitiveNote);
        Field<StringGraphType>(FilterOperations.EndsWith).Description("Ends with the suffix." + CaseInsensitiveNote);
        Field<StringGraphType>(FilterOperations.NEndsWith).Description("Does not end with the suffix." + CaseInsensitiveNote);
    }
}
