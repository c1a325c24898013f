using System.Security.Cryptography;
using System.Text;
using Waldur.Emulator.Waldur;
using Waldur.Emulator.Waldur.Generic;

namespace Waldur.Emulator.Writes;

/// <summary>
/// Every write operation of the spec that <see cref="WriteEndpoints"/> does not serve by hand (issue 23), in DRF's order
/// of steps (<c>rest_framework/generics.py GenericAPIView.get_object</c>, <c>mixins.py</c>): the parent of a nested list
/// and the object (404 <c>No X matches the given query.</c>: Django's <c>get_object_or_404</c> raises <c>Http404</c> with
/// that text and DRF's <c>views.exception_handler</c> passes its message on to <c>NotFound</c> since DRF 3.15, where older
/// DRF said <c>Not found.</c>; Waldur 7.0.7 was observed answering the former, which the emulator's GET 404s use too) →
/// the serializer (400, <see cref="SchemaBody"/>) → the write. On a generic list the write is
/// applied (<see cref="GenericLists"/>: create 201 with the new row and <c>Location</c>, update 200 with the row, delete
/// 204); everything else answers the operation's first documented 2xx with a body generated from its response schema.
/// [Simplification] No permission checks (emulator tokens act as staff), no state validators, and the table-driven lists
/// (core lists, DigitalOcean) are not changed by these writes.
/// </summary>
internal sealed class GenericWrites(ResourceRegistry registry)
{
    private readonly GenericWriteRoutes _routes = new();

    public GenericWriteMatch? Match(string method, string path) => _routes.Match(method, path);

    public WriteResult Handle(GenericWriteMatch match, WriteRequest r)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(r);
        var list = match.ListPath is null ? null : WaldurRoute.Match(match.ListPath, registry) is { IsList: true } route ? route.Resource : null;
        if (list?.MissingParent(r.Token) is { } missing)
        {
            return WriteResult.Detail(404, missing);
        }

        string? lookup = null;
        if (match.Lookup is { } raw && list is not null)
        {
            lookup = list.Lookup(raw);
            if (lookup is null || list.Prepare(Waldur.QueryString.Parse(null), r.Token).Retrieve(lookup, r.Token, r.BaseUrl) is null)
            {
                return WriteResult.Detail(404, $"No {list.ModelName} matches the given query.");
            }
        }

        if (Invalid(match.Operation, r.Body) is { } invalid)
        {
            return invalid;
        }

        var operation = match.Operation;
        if (list is GenericList generic)
        {
            var writable = Writable(operation);
            switch (match.Kind)
            {
                case GenericWriteKind.Create:
                    var created = registry.Generic.Create(generic.Instance, r.Body.Data, writable);
                    var json = Encoding.UTF8.GetString(created.Json(r.BaseUrl, null));
                    return new WriteResult(operation.Status, json, Location(json));
                case GenericWriteKind.Update:
                    var updated = registry.Generic.Update(generic.Instance, lookup!, r.Body.Data, writable)!;
                    return new WriteResult(operation.Status, Encoding.UTF8.GetString(updated.Json(r.BaseUrl, null)));
                case GenericWriteKind.Delete:
                    registry.Generic.Delete(generic.Instance, lookup!);
                    return new WriteResult(operation.Status, null);
            }
        }

        return new WriteResult(operation.Status, Response(operation, match, r.BaseUrl));
    }

    /// <summary>Whether the operation's body is a list or a raw value rather than a serializer's dict.</summary>
    public static bool TakesAnyJson(WriteOperation operation) =>
        operation.Body is { } body && WriteCatalog.Instance.Resolve(body).Type is "array" or "string";

    private static WriteResult? Invalid(WriteOperation operation, DrfBody body)
    {
        if (operation.Body is not { } schema)
        {
            return null;
        }

        var resolved = WriteCatalog.Instance.Resolve(schema);
        if (resolved.Type == "array")
        {
            return SchemaBody.ValidateList(body, schema, WriteCatalog.Instance) is { } errors ? new WriteResult(400, errors) : null;
        }

        if (resolved.Type == "string")
        {
            return null;
        }

        SchemaBody.Validate(body, schema, WriteCatalog.Instance);
        return body.HasErrors ? new WriteResult(400, body.ErrorsJson()) : null;
    }

    // The request keys a serializer saves: its properties that are not read-only.
    private static Dictionary<string, SpecSchema> Writable(WriteOperation operation) =>
        operation.Body is { } body
            ? WriteCatalog.Instance.Resolve(body).Properties.Where(p => !p.Value.ReadOnly).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];

    // CreateModelMixin.get_success_headers: Location is the data's `url` when it has one.
    private static string? Location(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("url", out var url) && url.ValueKind == System.Text.Json.JsonValueKind.String
            ? url.GetString()
            : null;
    }

    // A body valid against the response schema, the same for the same operation and path (so journals repeat); none
    // for 204 or an operation without a JSON response.
    private static string? Response(WriteOperation operation, GenericWriteMatch match, string baseUrl)
    {
        if (operation.Response is not { } schema || operation.Status == 204)
        {
            return null;
        }

        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(operation.OperationId + " " + match.ListPath + match.Lookup)), 0);
        var b = new StringBuilder();
        ValueWriter.Write(WriteCatalog.Instance, b, schema, new Random(seed), 0, "value");
        return b.Replace(GenericRows.Base, baseUrl).ToString();
    }
}
