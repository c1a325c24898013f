using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Waldur.GraphGateway.Schema;

/// <summary>
/// The two printed forms of the schema. <see cref="Client"/> is what frontend teams see (<c>schema.graphql</c>,
/// <c>GET /graphql?sdl</c>): the federation plumbing (<c>@link</c>, <c>@key</c>, <c>_service</c>, <c>_entities</c>,
/// <c>_Any</c>, <c>_Entity</c>, <c>federation__*</c>, <c>link__*</c>) is a concern of composing gateways, which read
/// it from <c>_service { sdl }</c> instead. Printed once per schema: the schema is a singleton and never changes.
/// </summary>
internal static class SchemaSdl
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ISchema, string> ClientCache = [];

    public static string Client(ISchema schema) => ClientCache.GetValue(schema, PrintClient);

    private static string PrintClient(ISchema schema)
    {
        var printed = schema.Print(new PrintOptions { IncludeFederationDefinitions = false, IncludeImportedDefinitions = false });
        var document = Parser.Parse(printed);
        document.Definitions = document.Definitions.Where(d => !IsPlumbing(d)).ToList();
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLObjectTypeDefinition type)
            {
                type.Directives = Without(type.Directives, "key");
                if (type.Fields is { } fields)
                {
                    fields.Items = fields.Items.Where(f => !IsPlumbingName(f.Name.StringValue)).ToList();
                }
            }
        }

        var text = new SDLPrinter().Print(document);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    /// <summary>A schema definition that only links specs, and every federation/link type or directive definition.</summary>
    private static bool IsPlumbing(ASTNode definition) => definition switch
    {
        GraphQLSchemaDefinition schema => schema.Directives?.Items.All(d => d.Name.StringValue == "link") ?? true,
        GraphQLDirectiveDefinition directive => directive.Name.StringValue is "link" or "key" || directive.Name.StringValue.StartsWith("federation__", StringComparison.Ordinal),
        GraphQLTypeDefinition type => IsPlumbingName(type.Name.StringValue),
        _ => false,
    };

    private static bool IsPlumbingName(string name) =>
        name.StartsWith('_') || name.StartsWith("federation__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal);

    private static GraphQLDirectives? Without(GraphQLDirectives? directives, string name)
    {
        if (directives is null)
        {
            return null;
        }

        var kept = directives.Items.Where(d => d.Name.StringValue != name).ToList();
        return kept.Count == 0 ? null : new GraphQLDirectives(kept);
    }
}
