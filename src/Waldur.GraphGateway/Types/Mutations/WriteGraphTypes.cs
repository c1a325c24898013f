using GraphQL.Types;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// The input and payload types of one write, from its descriptor (HotChocolate's conventions): <c>CreateProjectInput</c>
/// (the object's <c>id</c> when the path names one, then the request body's fields, required exactly where Waldur
/// requires them; references as <c>ID</c>: a global id or a uuid), and <c>CreateProjectPayload</c> (the affected object
/// as its graph type, navigable; <c>deletedId</c> for a delete; <c>errors: [CreateProjectError!]</c>).
/// </summary>
internal static class WriteGraphTypes
{
    /// <param name="mutationInputs">Every mutation's own input type name: a nested input whose name would be one of them
    /// (<c>openstackPortsUpdate</c>'s <c>securityGroups</c> against <c>openstackPortsUpdateSecurityGroups</c>) is named
    /// <c>…FieldInput</c> instead.</param>
    public static InputObjectGraphType Input(WriteDescriptor write, CatalogGraphTypes catalog, IReadOnlySet<string> mutationInputs)
    {
        var input = new InputObjectGraphType { Name = InputName(write), Description = $"The input of `{write.Name}`." };
        if (WriteRequests.TakesId(write))
        {
            input.Field(WriteRequests.IdArgument, new NonNullGraphType(new IdGraphType()))
                .Description($"The {catalog[write.TypeName!].Resource.Descriptor.Noun}: its global `id` or its uuid.");
        }

        foreach (var parameter in write.PathParameters ?? [])
        {
            input.Field(WriteRequests.ParameterField(parameter), new NonNullGraphType(new StringGraphType()))
                .Description(WriteRequests.IsUuidParameter(parameter)
                    ? $"The path's `{{{parameter}}}` (`{write.Method} /{write.Path}`): a uuid, or the object's global `id`."
                    : $"The path's `{{{parameter}}}` (`{write.Method} /{write.Path}`).");
        }

        foreach (var field in write.Input)
        {
            input.Field(field.Name, FieldType(field, input.Name, catalog, mutationInputs)).Description(field.Description);
        }

        return input;
    }

    public static string InputName(WriteDescriptor write) => Pascal(write.Name) + "Input";

    /// <param name="target">The written resource's graph types; null for a write of no catalog resource, whose payload holds
    /// Waldur's answer as JSON text, and typed as <paramref name="answer"/> says when the catalog knows its shape.</param>
    public static ObjectGraphType<WritePayload> Payload(WriteDescriptor write, ResourceGraph? target, UserErrorTypes errors, TypedAnswer? answer = null)
    {
        var payload = new ObjectGraphType<WritePayload> { Name = Pascal(write.Name) + "Payload", Description = $"What `{write.Name}` did." };
        if (target is null)
        {
            payload.Field<StringGraphType>(WriteDescriptor.ResultField)
                .Description("Waldur's answer as JSON text (null when it sent none, or when the write did not happen).")
                .Resolve(c => c.Source.Json);
            if (answer is { IsList: false })
            {
                payload.Field(answer.Field, answer.Item).Description(answer.Description).Resolve(c => c.Source.Row);
            }
            else if (answer is { IsList: true })
            {
                payload.Field(answer.Field, new ListGraphType(new NonNullGraphType(answer.Item))).Description(answer.Description).Resolve(c => c.Source.Rows);
            }
        }
        else if (write.Kind == WriteKind.Delete)
        {
            payload.Field<IdGraphType>("deletedId").Description($"The deleted {target.Resource.Descriptor.Noun}'s global id; null when it was not deleted.")
                .Resolve(c => c.Source.DeletedId);
        }
        else
        {
            payload.Field(write.PayloadField, target.Item)
                .Description($"The {target.Resource.Descriptor.Noun} as Waldur shows it after the write; null when it did not happen.")
                .Resolve(c => c.Source.Row);
        }

        payload.Field("errors", new ListGraphType(new NonNullGraphType(errors.UnionFor(Pascal(write.Name) + "Error"))))
            .Description("Why it did not happen; null when it did.")
            .Resolve(c => c.Source.Errors);
        return payload;
    }

    private static IGraphType FieldType(InputFieldDescriptor field, string owner, CatalogGraphTypes catalog, IReadOnlySet<string> mutationInputs)
    {
        IGraphType type = field switch
        {
            { UrlTemplate: not null } => new IdGraphType(),
            { ReferenceType: { } reference } when catalog.TryGet(reference, out _) => new IdGraphType(),
            { Fields: { Count: > 0 } nested } => Nested(field, nested, owner, catalog, mutationInputs),
            { EnumValues: { } values, EnumType: { } enumType } => catalog.Enums.Enum(enumType, values),
            _ => field.Kind switch
            {
                ValueKind.Boolean => new BooleanGraphType(),
                ValueKind.Int => new IntGraphType(),
                ValueKind.Float => new FloatGraphType(),
                // Dates and free-form JSON travel as text, as the output types carry them.
                _ => new StringGraphType(),
            },
        };
        if (field.IsList)
        {
            type = new ListGraphType(new NonNullGraphType(type));
        }

        return field.Required ? new NonNullGraphType(type) : type;
    }

    private static InputObjectGraphType Nested(InputFieldDescriptor field, IReadOnlyList<InputFieldDescriptor> fields, string owner, CatalogGraphTypes catalog,
        IReadOnlySet<string> mutationInputs)
    {
        var name = owner[..^"Input".Length] + Pascal(field.Name) + "Input";
        if (mutationInputs.Contains(name))
        {
            name = name[..^"Input".Length] + "FieldInput";
        }

        var input = new InputObjectGraphType { Name = name, Description = field.Description };
        foreach (var inner in fields)
        {
            input.Field(inner.Name, FieldType(inner, name, catalog, mutationInputs)).Description(inner.Description);
        }

        return input;
    }

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];


    /// <summary>The global id a delete answers with.</summary>
    public static string DeletedId(WriteDescriptor write, string uuid) => NodeId.Encode(write.TypeName!, uuid);
}
