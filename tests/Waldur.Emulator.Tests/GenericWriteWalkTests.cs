using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.OpenApi30Schema;
using Xunit.Abstractions;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Every write operation of the vendored spec (<see cref="VendoredWrites.WriteOperations"/>, read from the YAML,
/// not from the emulator's extract) sent to an emulator of its own with a minimal valid body built from its request schema.
/// Path parameters that name a row of a list the emulator serves get a real row; the others a fixed uuid.
/// </summary>
public sealed class GenericWriteWalkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string OtherUuid = "0123456789abcdef0123456789abcdef";

    private static readonly HashSet<string> Lists = [.. VendoredLists.ListOperations.Select(l => l.Key)];

    private EmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync();
        _client = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Every_write_operation_answers_its_documented_2xx_or_a_404_for_a_missing_object_and_never_405_or_5xx()
    {
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var withRealObjects = 0;
        var handWritten = 0;
        var writes = _host.Services.GetRequiredService<Writes.WriteEndpoints>();
        var generic = _host.Services.GetRequiredService<Writes.GenericWrites>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (method, template, operation) in VendoredWrites.WriteOperations)
        {
            var (path, real) = await ConcretePathAsync(template);
            var expected = VendoredWrites.Success(operation).Status;
            var body = VendoredWrites.Body(operation) is { } schema && schema.Format != "binary" ? MinimalBody(schema).ToJsonString() : null;
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await _client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            withRealObjects += real ? 1 : 0;
            // The hand-written writes (WriteTests) check links, states and permissions: a minimal body may well be a 400 or 409.
            var byHand = writes.Match(method, path) is not null;
            handWritten += byHand ? 1 : 0;
            var kind = byHand ? "hand-written" : generic.Match(method, path) is { } match ? Kind(match) : "unrouted";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var ok = status == expected || (!real && status == 404 && text.Contains("matches the given query", StringComparison.Ordinal))
                || (byHand && status is not 405 and < 500);
            if (!ok)
            {
                failures.Add($"{method} {template} ({path}) {body}: {status} (expected {expected}) {text[..Math.Min(text.Length, 200)]}");
            }
            else if (!byHand && status == expected)
            {
                failures.AddRange(BodyErrors(method, template, operation, text).Select(e => $"{method} {template}: {e}"));
            }
        }

        output.WriteLine($"{VendoredWrites.WriteOperations.Count} operations, {handWritten} hand-written, {withRealObjects} with every path object real; statuses: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")) + "; kinds: " + string.Join(", ", kinds.Select(k => $"{k.Key}×{k.Value}")));
        Assert.False(kinds.ContainsKey("unrouted"), $"{kinds.GetValueOrDefault("unrouted")} operations no route matched");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + $"\n({failures.Count} failures)");
        Assert.DoesNotContain(statuses.Keys, s => s is 405 or >= 500);
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > 1000, "fewer than 1000 writes succeeded");
    }

    // The route's kind, and for creates, updates and deletes whether a generic list's rows change or a table answers.
    private string Kind(Writes.GenericWriteMatch match)
    {
        if (match.Kind is not (Writes.GenericWriteKind.Create or Writes.GenericWriteKind.Update or Writes.GenericWriteKind.Delete))
        {
            return match.Kind.ToString();
        }

        var registry = _host.Services.GetRequiredService<Waldur.ResourceRegistry>();
        var generic = Waldur.WaldurRoute.Match(match.ListPath!, registry)?.Resource is Waldur.Generic.GenericList;
        return match.Kind + (generic ? " (generic list)" : " (table)");
    }

    // A success body is valid against the operation's response schema, or, for a create or update of a list's row, against
    // the list's item schema (the emulator answers the row as the list shows it); 204 and schema-less responses are empty.
    private static List<string> BodyErrors(string method, string template, OpenApiOperation operation, string text)
    {
        var (status, schema) = VendoredWrites.Success(operation);
        var list = method == "POST" ? template : template[..(template.TrimEnd('/').LastIndexOf('/') + 1)];
        var get = method == "DELETE" ? null : VendoredLists.ListOperations.FirstOrDefault(l => l.Key == list).Value;
        var item = get is null ? null : VendoredLists.ItemSchema(get);
        if (status == 204 || (schema is null && (item is null || text.Length == 0)))
        {
            return text.Length == 0 ? [] : [$"unexpected body {text[..Math.Min(text.Length, 100)]}"];
        }

        using var document = JsonDocument.Parse(text);
        var errors = schema is null ? ["no response schema"] : SchemaValidator.Validate(document.RootElement, schema);
        if (errors.Count > 0 && item is not null)
        {
            var rowErrors = SchemaValidator.Validate(document.RootElement, item);
            return rowErrors.Count == 0 ? [] : [.. errors.Take(2), .. rowErrors.Take(2)];
        }

        return [.. errors.Take(3)];
    }

    /// <summary>A body with the schema's required, writable keys, each with a small valid value (PATCH schemas require
    /// nothing: <c>{}</c>).</summary>
    public static JsonNode MinimalBody(IOpenApiSchema schema) => Minimal(schema, 0) ?? new JsonObject();

    private static JsonNode? Minimal(IOpenApiSchema s, int depth)
    {
        if (s.AllOf is { Count: > 0 } allOf && s.Properties is not { Count: > 0 })
        {
            return Minimal(allOf[0], depth);
        }

        if (s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 })
        {
            return Minimal((s.OneOf is { Count: > 0 } ? s.OneOf : s.AnyOf!)[0], depth);
        }

        if (SchemaValidator.HasEnum(s))
        {
            return SchemaValidator.FirstEnumValue(s);
        }

        switch (TypeName(s))
        {
            case "string":
                var text = s.Format switch
                {
                    "uuid" => OtherUuid,
                    "uri" => "http://example.com/api/x/" + OtherUuid + "/",
                    "date" => "2030-01-01",
                    "date-time" => "2030-01-01T00:00:00Z",
                    "email" => "a@example.com",
                    "decimal" => "1",
                    "ipv4" => "10.0.0.1",
                    "ipv6" => "fd00::1",
                    _ => "a",
                };
                return (JsonNode)(s.MinLength is { } min && text.Length < min ? text.PadRight(min, 'a') : text);
            case "integer":
                return (JsonNode)(long)Math.Max(Bound(s.Minimum) ?? 0, Math.Min(Bound(s.Maximum) ?? 1, 1));
            case "number":
                return (JsonNode)1;
            case "boolean":
                return (JsonNode)true;
            case "array":
                return new JsonArray();
            default:
                var o = new JsonObject();
                foreach (var name in (s.Required ?? new HashSet<string>()).Order(StringComparer.Ordinal))
                {
                    if (s.Properties?.TryGetValue(name, out var property) == true && !property.ReadOnly && property.Format != "binary" && depth < 5)
                    {
                        o[name] = Minimal(property, depth + 1);
                    }
                }

                return o;
        }
    }

    // Fills the template's parameters left to right: a parameter right after a list path takes that list's first row's
    // uuid (a real object); any other parameter, or an empty list, a fixed uuid (then a 404 is a right answer).
    private async Task<(string Path, bool Real)> ConcretePathAsync(string template)
    {
        var path = new StringBuilder();
        var real = true;
        var segments = template[1..].TrimEnd('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var prefixTemplate = "/" + string.Join("/", segments[..i]) + "/";
            var concretePrefix = path + "/";
            if (!segments[i].StartsWith('{'))
            {
                path.Append('/').Append(segments[i]);
                continue;
            }

            var uuid = Lists.Contains(prefixTemplate) ? await FirstUuidAsync(concretePrefix) : null;
            real &= uuid is not null;
            path.Append('/').Append(uuid ?? OtherUuid);
        }

        // A template without the trailing slash (a Django path() such as `…/pull_order/{uuid}`) is requested without it.
        return (path + (template.EndsWith('/') ? "/" : ""), real);
    }

    private async Task<string?> FirstUuidAsync(string listPath)
    {
        var (response, body) = await _client.GetWithBodyAsync(listPath + "?page_size=1&quota_name=nc_resource_count");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
            && document.RootElement[0].ValueKind == JsonValueKind.Object && document.RootElement[0].TryGetProperty("uuid", out var uuid)
            && uuid.ValueKind == JsonValueKind.String
            ? uuid.GetString()
            : null;
    }
}
