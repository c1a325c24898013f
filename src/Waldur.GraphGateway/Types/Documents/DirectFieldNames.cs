using GraphQLParser.AST;

namespace Waldur.GraphGateway.Types.Documents;

/// <summary>The names of the fields directly in a selection set, through fragments (not of their sub-fields).</summary>
internal sealed class DirectFieldNames(FragmentMap fragments) : NameSetFold(fragments)
{
    protected override IReadOnlySet<string> Field(GraphQLField field) => new HashSet<string>(StringComparer.Ordinal) { field.Name.StringValue };
}
