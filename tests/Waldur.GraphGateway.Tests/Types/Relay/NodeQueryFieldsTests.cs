using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Relay;

/// <summary><c>node</c>/<c>nodes</c> under GraphQL.NET's real execution, with node types plugged in through the registry.</summary>
public sealed class NodeQueryFieldsTests : IDisposable
{
    private readonly ServiceProvider _services = RelayTestSchema.BuildServices();

    public void Dispose() => _services.Dispose();

    private RelayTestSchema Schema => _services.GetRequiredService<RelayTestSchema>();

    private static string Widget(int i) => NodeId.Encode("Widget", RelayTestSchema.WidgetUuids[i]);

    private static string Gadget(int i) => NodeId.Encode("Gadget", RelayTestSchema.WidgetUuids[i]);

    [Fact]
    public async Task Node_refetches_by_id_and_the_id_round_trips()
    {
        var json = await RelayTestSchema.ExecuteAsync(_services,
            $$"""{ node(id: "{{Widget(7)}}") { __typename id ... on Widget { uuid name } } g: node(id: "{{Gadget(7)}}") { __typename id } }""");

        using var doc = JsonDocument.Parse(json);
        var node = doc.RootElement.GetProperty("data").GetProperty("node");
        Assert.Equal("Widget", node.GetProperty("__typename").GetString());
        Assert.Equal(Widget(7), node.GetProperty("id").GetString());
        Assert.Equal(RelayTestSchema.WidgetUuids[7], node.GetProperty("uuid").GetString());
        var gadget = doc.RootElement.GetProperty("data").GetProperty("g");
        Assert.Equal("Gadget", gadget.GetProperty("__typename").GetString());
        Assert.Equal(Gadget(7), gadget.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_type_or_unknown_uuid_is_null_and_a_malformed_id_is_ID_INVALID()
    {
        var unknownType = NodeId.Encode("Sprocket", RelayTestSchema.WidgetUuids[1]);
        var unknownUuid = NodeId.Encode("Widget", new string('f', 32));
        var json = await RelayTestSchema.ExecuteAsync(_services,
            $$"""{ a: node(id: "{{unknownType}}") { id } b: node(id: "{{unknownUuid}}") { id } c: node(id: "bm9wZQ==") { id } d: node(id: "{{Widget(1)}}") { id } }""");

        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("b").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("c").ValueKind);
        Assert.Equal(Widget(1), data.GetProperty("d").GetProperty("id").GetString());
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(ErrorCodes.IdInvalid, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("c", error.GetProperty("path")[0].GetString());
        // The unknown type cost no fetch; the widget lookups of the level were one batch.
        var batch = Assert.Single(Schema.Batches);
        Assert.Equal("Widget", batch.Type);
    }

    [Fact]
    public async Task Nodes_answers_in_order_with_one_batch_per_type_and_per_item_errors()
    {
        var ids = new[] { Widget(3), Gadget(4), "!!", Widget(3), Gadget(50), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Gadget:" + "xyz".PadRight(32, '0'))), Widget(59) };
        // "xyz0…" is not hex, so it never reaches a loader: it is an ID_INVALID item like "!!".
        var json = await RelayTestSchema.ExecuteAsync(_services,
            "{ nodes(ids: [" + string.Join(", ", ids.Select(i => $"\"{i}\"")) + "]) { __typename id } }");

        using var doc = JsonDocument.Parse(json);
        var nodes = doc.RootElement.GetProperty("data").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(ids.Length, nodes.Count);
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes[5].ValueKind);
        foreach (var i in new[] { 0, 1, 3, 4, 6 })
        {
            Assert.Equal(ids[i], nodes[i].GetProperty("id").GetString());
        }

        Assert.Equal("Gadget", nodes[4].GetProperty("__typename").GetString());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(new[] { 2, 5 }, errors.Select(e => e.GetProperty("path")[1].GetInt32()).Order());
        Assert.All(errors, e => Assert.Equal(ErrorCodes.IdInvalid, e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(
            new[] { "Gadget:" + RelayTestSchema.WidgetUuids[4] + "," + RelayTestSchema.WidgetUuids[50], "Widget:" + RelayTestSchema.WidgetUuids[3] + "," + RelayTestSchema.WidgetUuids[59] },
            Schema.Batches.Select(b => b.Type + ":" + string.Join(",", b.Keys.Order(StringComparer.Ordinal))).Order());
    }

    [Fact]
    public async Task A_failing_batch_nulls_only_its_items_of_nodes_with_the_code()
    {
        var failing = NodeId.Encode("Gadget", RelayTestSchema.FailingUuid);
        var json = await RelayTestSchema.ExecuteAsync(_services,
            $$"""{ nodes(ids: ["{{Widget(1)}}", "{{failing}}", "{{Gadget(2)}}"]) { id } w: node(id: "{{Widget(2)}}") { id } }""");

        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Widget(1), nodes[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal(Widget(2), data.GetProperty("w").GetProperty("id").GetString());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(new[] { 1, 2 }, errors.Select(e => e.GetProperty("path")[1].GetInt32()).Order());
        Assert.All(errors, e => Assert.Equal(ErrorCodes.UpstreamUnavailable, e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.All(errors, e => Assert.Equal("nodes", e.GetProperty("path")[0].GetString()));
    }

    [Fact]
    public async Task More_ids_than_the_maximum_is_LIMIT_TOO_MANY_IDS()
    {
        using var services = RelayTestSchema.BuildServices(maxNodeIds: 3);
        var ok = await RelayTestSchema.ExecuteAsync(services, $$"""{ nodes(ids: ["{{Widget(1)}}", "{{Widget(2)}}", "{{Widget(3)}}"]) { id } }""");
        var tooMany = await RelayTestSchema.ExecuteAsync(services, $$"""{ nodes(ids: ["{{Widget(1)}}", "{{Widget(2)}}", "{{Widget(3)}}", "{{Widget(4)}}"]) { id } }""");

        Assert.DoesNotContain("errors", ok, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(tooMany);
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(ErrorCodes.TooManyIds, error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public void The_default_maximum_is_50_and_a_bad_setting_names_its_key()
    {
        Assert.Equal(50, _services.GetRequiredService<IOptions<RelayOptions>>().Value.MaxNodeIds);
        using var bad = RelayTestSchema.BuildServices(maxNodeIds: 0);
        var ex = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<RelayOptions>>().Value);
        Assert.Contains("Relay:MaxNodeIds", ex.Message, StringComparison.Ordinal);
    }
}
