using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Resources;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// One root mutation field per reviewed write whose resource is in the schema. The resolver sends the write once
/// (<see cref="IWaldurClient.WriteAsync"/>), maps a refusal to typed user errors, and answers the object as Waldur then
/// shows it: the body of a create, else one re-read (an action's or a <c>202</c>'s body is not the object), primed into
/// the request's loaders so navigating from it costs nothing more. GraphQL runs root mutation fields one after another.
/// </summary>
internal static class MutationFields
{
    private const string InputArgument = "input";

    /// <summary>Adds the fields; returns the <c>Error</c> interface, which the schema registers (no field names it directly).</summary>
    public static IGraphType AddTo(ObjectGraphType mutation, IEnumerable<WriteDescriptor> writes, CatalogGraphTypes catalog)
    {
        var errors = new UserErrorTypes();
        var answers = new AnswerGraphTypes();
        var mutationInputs = writes.Select(WriteGraphTypes.InputName).ToHashSet(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            ResourceGraph? target = null;
            if (write.TypeName is { } type && !catalog.TryGet(type, out target))
            {
                continue;
            }

            var answer = Answer(write, catalog, answers);
            var field = mutation.Field(write.Name, new NonNullGraphType(WriteGraphTypes.Payload(write, target, errors, answer)))
                .Description(write.Description)
                .ResolveAsync(async c => await RunAsync(c, write, target?.Resource, answer));
            // A write that takes nothing has no `input` (GraphQL has no empty input objects; HotChocolate leaves it out too).
            if (WriteRequests.HasInput(write))
            {
                field.Argument(new NonNullGraphType(WriteGraphTypes.Input(write, catalog, mutationInputs)), InputArgument);
            }
        }
        return errors.Interface;
    }

    /// <summary>A write of no catalog resource answers typed as a selected list's row, or as its generated answer type.</summary>
    private static TypedAnswer? Answer(WriteDescriptor write, CatalogGraphTypes catalog, AnswerGraphTypes answers)
    {
        var many = write.ResultIsList ? "s" : "";
        if (write.ResultType is { } resultType && catalog.TryGet(resultType, out var result))
        {
            return new TypedAnswer(write.PayloadField, result.Item, result.Resource.Endpoint.Shape, write.ResultIsList,
                $"Waldur's answer as the {result.Resource.Descriptor.Noun}{many} it is; null when the write did not happen.");
        }

        if (write.AnswerType is not { } answerType)
        {
            return null;
        }

        var (shape, type) = answers.For(answerType);
        return new TypedAnswer(write.PayloadField, type, shape, write.ResultIsList,
            $"Waldur's answer{many} with {(many.Length > 0 ? "their" : "its")} documented fields; null when the write did not happen.");
    }

    private static async Task<object?> RunAsync(IResolveFieldContext context, WriteDescriptor write, ListResource? resource, TypedAnswer? answer)
    {
        var services = context.RequestServices!;
        var input = context.GetArgument<Dictionary<string, object?>>(InputArgument) ?? [];
        var root = services.GetRequiredService<IOptions<WaldurOptions>>().Value.BaseUrl!;
        var path = WriteRequests.Path(write, input);
        var client = services.GetRequiredService<IWaldurClient>();
        var objectFields = resource is null ? null : await ObjectFieldsAsync(client, write, resource, input, context.CancellationToken);
        if (resource is not null && objectFields is null)
        {
            return new WritePayload(null, null, [new UserError(UserErrorTypes.NotFound, $"Waldur shows you no {resource.Descriptor.Noun} with this id.", null)]);
        }

        var body = WriteRequests.Body(write, input, services.GetRequiredService<ListResources>(), root, objectFields);
        // A write is a Waldur call like any read: it counts against the request's one call budget.
        services.GetRequiredService<WaldurCallBudget>().Take();
        var result = await client.WriteAsync(new HttpMethod(write.Method), path, body, context.CancellationToken);
        if (!result.Succeeded)
        {
            return new WritePayload(null, null, WriteRefusals.From(result.Status, result.Body, write));
        }

        if (resource is null)
        {
            return ResultPayload(context, result.Body, answer);
        }

        if (write.Kind == WriteKind.Delete)
        {
            return new WritePayload(null, WriteGraphTypes.DeletedId(write, WriteRequests.ObjectUuid(write, input)), null);
        }

        var row = await RowAfterAsync(client, write, resource, input, result, context.CancellationToken);
        if (row is not null)
        {
            context.Loaders().Prime([row]);
        }

        return new WritePayload(row, null, null);
    }

    /// <summary>A write of no catalog resource: Waldur's answer as text and, when its shape is known, typed (keyed rows primed).</summary>
    private static WritePayload ResultPayload(IResolveFieldContext context, byte[] body, TypedAnswer? answer)
    {
        var json = body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body);
        if (json is null || answer is null)
        {
            return new WritePayload(null, null, null, json);
        }

        try
        {
            List<WaldurRow> rows = answer.IsList ? RowReader.ReadList(body, answer.Shape) : [RowReader.ReadItem(body, answer.Shape)];
            if (answer.Shape.Keyed)
            {
                context.Loaders().Prime(rows);
            }

            return answer.IsList ? new WritePayload(null, null, null, json, rows) : new WritePayload(rows[0], null, null, json);
        }
        catch (Errors.GatewayException)
        {
            return new WritePayload(null, null, null, json); // not the shape the document promised: the text is still there
        }
    }

    /// <summary>
    /// The written object's fields an input URL needs (a plan's URL names the resource's offering), read once before the
    /// write; empty when none are needed, null when the caller cannot see the object (the write would be refused as 404).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string?>?> ObjectFieldsAsync(IWaldurClient client, WriteDescriptor write, ListResource resource,
        IReadOnlyDictionary<string, object?> input, CancellationToken cancellationToken)
    {
        var needed = WriteRequests.ObjectFieldsNeeded(write, input);
        if (needed.Count == 0)
        {
            return new Dictionary<string, string?>();
        }

        var row = await client.RetrieveAsync(resource.Endpoint, WriteRequests.ObjectUuid(write, input), cancellationToken);
        if (row is null)
        {
            return null;
        }

        return needed.ToDictionary(name => name, name => row.Shape.Fields.FirstOrDefault(f => f.Descriptor.JsonName == name) is { } field ? row[field.Index] as string : null,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The object after the write: a create's <c>201</c> body when it is the object (a uuid and every field Waldur
    /// documents), otherwise one <c>GET</c> of it (an action answers <c>{"status": …}</c> or nothing; a <c>202</c> body is
    /// the request, not the object; an update's body may hold only the fields it changed).
    /// </summary>
    private static async Task<WaldurRow?> RowAfterAsync(IWaldurClient client, WriteDescriptor write, ListResource resource,
        IReadOnlyDictionary<string, object?> input, WaldurWriteResult result, CancellationToken cancellationToken)
    {
        string? uuid = WriteRequests.TakesId(write) ? WriteRequests.ObjectUuid(write, input) : null;
        if (uuid is null)
        {
            try
            {
                var created = RowReader.ReadItem(result.Body, resource.Endpoint.Shape);
                if (result.Status == System.Net.HttpStatusCode.Created && !created.HasProblems)
                {
                    return created;
                }

                uuid = created.Uuid;
            }
            catch (Errors.GatewayException)
            {
                return null; // Waldur took the write but its answer names no object: nothing to show, nothing to re-read.
            }
        }
        return await client.RetrieveAsync(resource.Endpoint, uuid, cancellationToken);
    }
}
