using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Tests.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi;

/// <summary>Waldur bodies read into catalog rows: every value normalised once, every broken body a coded error.</summary>
public class RowReaderTests
{
    private static RowShape Images => TestCatalog.Shapes["DigitalOceanImage"];

    private static RowShape Droplets => TestCatalog.Shapes["DigitalOceanDroplet"];

    private const string Region = """{"url": "http://h/api/digitalocean-regions/r1/", "uuid": "aa000000000000000000000000000001", "name": "Amsterdam 3"}""";

    private static string Image(string createdAt = "\"2020-05-15T05:47:50Z\"", string extra = "") => $$"""
        {"url": "http://h/api/digitalocean-images/1/", "uuid": "bb000000000000000000000000000001", "name": "Ubuntu 22.04 (LTS) x64",
         "distribution": "Ubuntu", "type": "base", "regions": [{{Region}}], "is_official": true, "created_at": {{createdAt}},
         "min_disk_size": 20480{{extra}}}
        """;

    [Fact]
    public void U4_U5_U7_an_image_list_reads_into_normalised_values_with_whole_nested_regions()
    {
        var rows = RowReader.ReadList(Encoding.UTF8.GetBytes($"[{Image()}, {Image("\"2020-05-15T05:47:50+00:00\"")}]"), Images);

        Assert.Equal(2, rows.Count);
        var row = rows[0];
        Assert.Equal("bb000000000000000000000000000001", row.Uuid);
        Assert.Equal("Ubuntu 22.04 (LTS) x64", row["name"]);
        Assert.Equal(true, row["isOfficial"]);
        Assert.Equal(20480L, row["minDiskSize"]);
        Assert.Equal(new DateTimeOffset(2020, 5, 15, 5, 47, 50, TimeSpan.Zero), row["createdAt"]);
        Assert.Equal(row["createdAt"], rows[1]["createdAt"]);
        var region = Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!);
        Assert.Equal("DigitalOceanRegion", region.Shape.TypeName);
        Assert.Equal("Amsterdam 3", region["name"]);
    }

    [Fact]
    public void Keys_in_any_order_escaped_keys_and_unknown_keys_of_any_shape_are_read_or_skipped()
    {
        var body = """
            [{"min_disk_size": null, "unknown": {"deep": [1, {"x": [null]}]}, "t\u0079pe": "snapshot", "created_at": null, "uuid": "bb000000000000000000000000000002",
              "is_official": false, "regions": [], "extra": "ignored", "name": "web-01", "distribution": "Unknown", "url": "http://h/i/2/"}]
            """;
        var row = Assert.Single(RowReader.ReadList(Encoding.UTF8.GetBytes(body), Images));

        Assert.Equal("snapshot", row["type"]);
        Assert.Null(row["createdAt"]);
        Assert.Null(row["minDiskSize"]);
        Assert.Empty((IReadOnlyList<WaldurRow>)row["regions"]!);
    }

    [Theory]
    [InlineData("{}", "not a JSON array")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("[{\"uuid\": \"x\"", "not JSON")]
    [InlineData("[] []", "not JSON")]
    public void A_body_that_is_not_a_list_of_objects_is_an_invalid_response(string body, string message)
    {
        var error = Assert.Throws<GatewayException>(() => RowReader.ReadList(Encoding.UTF8.GetBytes(body), Images));
        Assert.Equal(ErrorCodes.UpstreamInvalidResponse, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "null", "DigitalOceanImage.name is missing or null")]
    [InlineData("min_disk_size", "\"20480\"", "min_disk_size is a JSON String, not the Int")]
    [InlineData("min_disk_size", "2.5", "min_disk_size is a JSON Number, not the Int")]
    [InlineData("is_official", "1", "is_official is a JSON Number")]
    [InlineData("created_at", "\"yesterday\"", "created_at is a JSON String, not the DateTime")]
    [InlineData("regions", "{}", "regions is not an array")]
    public void A_value_that_breaks_the_contract_is_an_invalid_response_naming_the_field(string key, string value, string message)
    {
        var json = JsonNode.Parse(Image())!.AsObject();
        json[key] = JsonNode.Parse(value);
        var error = Assert.Throws<GatewayException>(() => RowReader.ReadItem(Encoding.UTF8.GetBytes(json.ToJsonString()), Images));
        Assert.Equal(ErrorCodes.UpstreamInvalidResponse, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_key_is_an_invalid_response_and_a_missing_nullable_key_is_null()
    {
        var withoutName = JsonNode.Parse(Image())!.AsObject();
        withoutName.Remove("name");
        var error = Assert.Throws<GatewayException>(() => RowReader.ReadItem(Encoding.UTF8.GetBytes(withoutName.ToJsonString()), Images));
        Assert.Contains("DigitalOceanImage.name is missing", error.Message, StringComparison.Ordinal);

        var withoutSize = JsonNode.Parse(Image())!.AsObject();
        withoutSize.Remove("min_disk_size");
        Assert.Null(RowReader.ReadItem(Encoding.UTF8.GetBytes(withoutSize.ToJsonString()), Images)["minDiskSize"]);
    }

    [Fact]
    public void C8_a_field_read_requires_only_the_requested_keys_and_marks_the_row_partial()
    {
        var body = Encoding.UTF8.GetBytes("""[{"uuid": "cc000000000000000000000000000002", "url": "http://h/d/2/", "state": "OK"}]""");
        var row = Assert.Single(RowReader.ReadList(body, Droplets, ["uuid", "url", "state"]));
        Assert.False(row.IsComplete);
        Assert.Equal("OK", row["state"]);
        Assert.Null(row["name"]);

        var missing = Assert.Throws<GatewayException>(() => RowReader.ReadList(body, Droplets, ["uuid", "url", "name"]));
        Assert.Contains("DigitalOceanDroplet.name is missing", missing.Message, StringComparison.Ordinal);
        Assert.Throws<GatewayException>(() => RowReader.ReadList(body, Droplets));
    }

    [Fact]
    public void A_projection_without_field_skips_every_other_key_and_checks_only_its_own()
    {
        // Waldur sent every key (no `field=`); a bad value or a missing required key outside the projection is never read.
        var body = Encoding.UTF8.GetBytes($"[{Image(extra: ", \"type\": 7")}]".Replace("\"name\": \"Ubuntu 22.04 (LTS) x64\",", "", StringComparison.Ordinal));
        var row = Assert.Single(RowReader.ReadList(body, Images, ["uuid", "url", "distribution", "regions"]));

        Assert.False(row.IsComplete);
        Assert.Equal("Ubuntu", row["distribution"]);
        Assert.Equal("Amsterdam 3", Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!)["name"]);
        Assert.True(Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!).IsComplete);
        foreach (var skipped in new[] { "name", "type", "isOfficial", "createdAt", "minDiskSize" })
            Assert.Null(row[skipped]);
        Assert.Throws<GatewayException>(() => RowReader.ReadList(body, Images, ["uuid", "url", "type"]));
        Assert.Throws<GatewayException>(() => RowReader.ReadList(body, Images, ["uuid", "url", "name"]));
    }

    [Fact]
    public void A_nested_projection_reads_only_its_keys_of_each_nested_row()
    {
        var body = Encoding.UTF8.GetBytes($"[{Image()}]");
        var row = Assert.Single(RowReader.ReadList(body, Images, ["uuid", "url", "regions"],
            new Dictionary<string, IReadOnlyList<string>> { ["regions"] = ["uuid", "name"] }));

        var region = Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!);
        Assert.False(region.IsComplete);
        Assert.Equal(("aa000000000000000000000000000001", "Amsterdam 3"), (region.Uuid, region["name"]));
        Assert.Null(region["url"]);
        Assert.Null(row["name"]);
    }

    [Fact]
    public void Free_form_objects_are_kept_as_JSON_text_scalar_lists_as_lists_and_fractions_as_doubles()
    {
        var body = """
            {"url": "http://h/d/1/", "uuid": "cc000000000000000000000000000001", "name": "web", "external_ips": ["10.0.0.1", null],
             "latitude": 52.37, "marketplace_offering_plugin_options": {"a": [1, 2], "b": "x"}}
            """;
        var row = RowReader.ReadItem(Encoding.UTF8.GetBytes(body), Droplets);

        Assert.Equal(new object?[] { "10.0.0.1", null }, (IReadOnlyList<object?>)row["externalIps"]!);
        Assert.Equal(52.37, row["latitude"]);
        Assert.Equal("""{"a": [1, 2], "b": "x"}""", row["marketplaceOfferingPluginOptions"]);
        Assert.Null(row["description"]);
    }

    [Fact]
    public void Random_images_written_in_any_key_order_with_noise_read_back_to_the_same_values()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 200; round++)
        {
            var images = RandomImages.Create(random, random.Next(0, 12));
            var body = new JsonArray([.. images.Select(i => (JsonNode)Shuffled(random, Json(i)))]);
            var rows = RowReader.ReadList(Encoding.UTF8.GetBytes(body.ToJsonString()), Images);

            Assert.Equal(images.Count, rows.Count);
            for (var k = 0; k < rows.Count; k++)
            {
                var expected = images[k].ToRow();
                foreach (var field in Images.Fields.Where(f => f.Nested is null))
                    Assert.True(Equals(expected[field.Index], rows[k][field.Index]), $"seed 20261128 round {round} row {k} field {field.Name}");
                Assert.Equal(images[k].Regions.Select(r => r.Uuid), ((IReadOnlyList<WaldurRow>)rows[k]["regions"]!).Select(r => r.Uuid));
            }
        }
    }

    private static JsonObject Json(TestImage image) => new()
    {
        ["url"] = image.Url, ["uuid"] = image.Uuid, ["name"] = image.Name, ["distribution"] = image.Distribution, ["type"] = image.Type,
        ["regions"] = new JsonArray([.. image.Regions.Select(r => (JsonNode)new JsonObject { ["url"] = r.Url, ["uuid"] = r.Uuid, ["name"] = r.Name })]),
        ["is_official"] = image.IsOfficial,
        ["created_at"] = image.CreatedAt is { } created ? JsonValue.Create(created.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture)) : null,
        ["min_disk_size"] = image.MinDiskSize,
    };

    private static JsonObject Shuffled(Random random, JsonObject source)
    {
        var entries = source.Select(p => (p.Key, Value: p.Value?.DeepClone())).OrderBy(_ => random.Next()).ToList();
        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            if (random.Next(3) == 0)
                result[$"noise_{random.Next(1000)}_{key}"] = JsonNode.Parse("""{"k": [1, "two", null, {"three": 3}]}""");
            result[key] = value;
        }
        return result;
    }
}
