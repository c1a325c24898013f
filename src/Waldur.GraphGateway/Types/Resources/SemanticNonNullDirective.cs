using GraphQL.Types;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// <c>@semanticNonNull</c> (the GraphQL nullability working group's proposal, read by Relay, Apollo Kotlin and
/// HotChocolate's <c>EnableSemanticNonNull</c>): the field is nullable in the schema only so that one value Waldur sent
/// in another shape can be null with a field error instead of failing its row and the connection; it is never null
/// without an error. Clients that understand the directive type it as non-null.
/// </summary>
internal sealed class SemanticNonNullDirective : Directive
{
    public const string DirectiveName = "semanticNonNull";

    public SemanticNonNullDirective()
        : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Description = "The field is never null unless an error at its path says why (a Waldur value that did not fit it).";
        Arguments = new QueryArguments(new QueryArgument<ListGraphType<IntGraphType>>
        {
            Name = "levels",
            Description = "Which levels are semantically non-null: 0 is the field itself, 1 its list items.",
            DefaultValue = new object[] { 0 },
        });
    }
}
