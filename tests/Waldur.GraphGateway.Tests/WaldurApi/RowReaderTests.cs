using System.Text;
using System.Text.Json.Nodes;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Tests.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi;

/// <summary>Waldur bodies read into catalog rows: every value normalised once, a value that does not fit a problem of its slot, a body that is no list a coded error.</summary>
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
    [InlineData("name", "null", "name", "`name` is absent or null, which Waldur documents as always set")]
    [InlineData("min_disk_size", "2.5", "minDiskSize", "`min_disk_size` came as a number where Waldur documents an integer")]
    [InlineData("min_disk_size", "\"20 GB\"", "minDiskSize", "`min_disk_size` came as a string where Waldur documents an integer")]
    [InlineData("is_official", "1", "isOfficial", "`is_official` came as a number where Waldur documents a Boolean")]
    [InlineData("is_official", "\"True\"", "isOfficial", "`is_official` came as a string where Waldur documents a Boolean")]
    [InlineData("created_at", "\"yesterday\"", "createdAt", "`created_at` came as a string where Waldur documents an ISO 8601 date-time")]
    [InlineData("regions", "{}", "regions", "`regions` came as an object where Waldur documents an array")]
    [InlineData("regions", "[1, 2]", "regions", "`regions` came as a number where Waldur documents an object")]
    [InlineData("name", "[\"a\"]", "name", "`name` came as an array where Waldur documents a string")]
    public void A_value_that_does_not_fit_is_null_with_a_problem_in_its_slot_and_the_row_stays(string key, string value, string field, string problem)
    {
        var json = JsonNode.Parse(Image())!.AsObject();
        json[key] = JsonNode.Parse(value);
        var rows = RowReader.ReadList(Encoding.UTF8.GetBytes($"[{json.ToJsonString()}, {Image()}]"), Images);

        Assert.Equal(2, rows.Count);
        var index = Images[field].Index;
        Assert.Null(rows[0][index]);
        Assert.Equal(problem, rows[0].ProblemAt(index));
        Assert.True(rows[0].HasProblems);
        // Its siblings, and the other row, read as ever.
        Assert.Equal("Ubuntu", rows[0]["distribution"]);
        Assert.False(rows[1].HasProblems);
        Assert.NotNull(rows[1][index]);
    }

    [Theory]
    [InlineData("min_disk_size", "\"20480\"", "minDiskSize", 20480L)]
    [InlineData("min_disk_size", "20480.0", "minDiskSize", 20480L)]
    [InlineData("name", "12.50", "name", "12.50")]
    public void Lossless_readings_of_another_JSON_type_are_taken_without_a_problem(string key, string value, string field, object expected)
    {
        var json = JsonNode.Parse(Image())!.AsObject();
        json[key] = JsonNode.Parse(value);
        var row = RowReader.ReadItem(Encoding.UTF8.GetBytes(json.ToJsonString()), Images);

        Assert.Equal(expected, row[field]);
        Assert.False(row.HasProblems);
    }

    [Fact]
    public void A_row_without_a_uuid_is_left_out_and_counted_and_an_item_without_one_is_an_invalid_response()
    {
        var keyless = JsonNode.Parse(Image())!.AsObject();
        keyless.Remove("uuid");
        var wrongType = JsonNode.Parse(Image())!.AsObject();
        wrongType["uuid"] = 7;
        var body = Encoding.UTF8.GetBytes($"[{keyless.ToJsonString()}, {Image()}, {wrongType.ToJsonString()}]");

        var rows = RowReader.ReadList(body, Images, null, null, out var skipped);
        Assert.Equal("bb000000000000000000000000000001", Assert.Single(rows).Uuid);
        Assert.Equal(2, skipped);

        var error = Assert.Throws<GatewayException>(() => RowReader.ReadItem(Encoding.UTF8.GetBytes(keyless.ToJsonString()), Images));
        Assert.Equal(ErrorCodes.UpstreamInvalidResponse, error.Code);
        Assert.Contains("DigitalOceanImage without a uuid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_object_without_a_uuid_is_a_problem_of_the_field_that_holds_it()
    {
        var body = Encoding.UTF8.GetBytes($"[{Image().Replace("\"uuid\": \"aa000000000000000000000000000001\", ", "", StringComparison.Ordinal)}]");
        var row = Assert.Single(RowReader.ReadList(body, Images));

        var regions = Images["regions"].Index;
        Assert.Null(row[regions]);
        Assert.Contains("`regions` holds a DigitalOceanRegion without a uuid", row.ProblemAt(regions), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_object_repeated_byte_for_byte_in_one_body_is_one_shared_row_and_any_difference_is_another()
    {
        const string other = """{"url": "http://h/api/digitalocean-regions/r2/", "uuid": "aa000000000000000000000000000002", "name": "London 1"}""";
        var respaced = Region.Replace(", \"name\"", ",  \"name\"", StringComparison.Ordinal);
        string WithRegions(int image, params string[] regions) => Image().Replace("/images/1/", $"/images/{image}/", StringComparison.Ordinal)
            .Replace("bb000000000000000000000000000001", $"bb00000000000000000000000000000{image}", StringComparison.Ordinal)
            .Replace($"[{Region}]", $"[{string.Join(", ", regions)}]", StringComparison.Ordinal);
        var body = $"[{WithRegions(1, Region, other)}, {WithRegions(2, other, Region)}, {WithRegions(3, respaced)}]";

        var rows = RowReader.ReadList(Encoding.UTF8.GetBytes(body), Images);
        var again = RowReader.ReadList(Encoding.UTF8.GetBytes(body), Images);

        IReadOnlyList<WaldurRow> Regions(WaldurRow row) => (IReadOnlyList<WaldurRow>)row["regions"]!;
        Assert.Same(Regions(rows[0])[0], Regions(rows[1])[1]);
        Assert.Same(Regions(rows[0])[1], Regions(rows[1])[0]);
        Assert.NotSame(Regions(rows[0])[0], Regions(rows[0])[1]);
        // Equal values written with other bytes are read again (equal, not shared); another body shares nothing.
        Assert.NotSame(Regions(rows[0])[0], Regions(rows[2])[0]);
        Assert.Equal("Amsterdam 3", Regions(rows[2])[0]["name"]);
        Assert.NotSame(Regions(rows[0])[0], Regions(again[0])[0]);
        Assert.Equal(["Amsterdam 3", "London 1"], Regions(rows[0]).Select(r => r["name"]));
        Assert.Equal(["London 1", "Amsterdam 3"], Regions(rows[1]).Select(r => r["name"]));
    }

    [Fact]
    public void A_repeated_nested_object_without_a_uuid_is_a_problem_of_every_field_that_holds_it()
    {
        var keyless = Image().Replace("\"uuid\": \"aa000000000000000000000000000001\", ", "", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes($"[{keyless}, {keyless.Replace("bb000000000000000000000000000001", "bb000000000000000000000000000002", StringComparison.Ordinal)}]");

        var rows = RowReader.ReadList(body, Images);

        var regions = Images["regions"].Index;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains("`regions` holds a DigitalOceanRegion without a uuid", row.ProblemAt(regions), StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_key_is_a_problem_and_a_missing_nullable_key_is_plain_null()
    {
        var withoutName = JsonNode.Parse(Image())!.AsObject();
        withoutName.Remove("name");
        var row = RowReader.ReadItem(Encoding.UTF8.GetBytes(withoutName.ToJsonString()), Images);
        Assert.Equal("`name` is absent or null, which Waldur documents as always set", row.ProblemAt(Images["name"].Index));

        var withoutSize = JsonNode.Parse(Image())!.AsObject();
        withoutSize.Remove("min_disk_size");
        var sizeless = RowReader.ReadItem(Encoding.UTF8.GetBytes(withoutSize.ToJsonString()), Images);
        Assert.Null(sizeless["minDiskSize"]);
        Assert.False(sizeless.HasProblems);
    }

    [Fact]
    public void C8_a_field_read_requires_only_the_requested_keys_and_marks_the_row_partial()
    {
        var body = Encoding.UTF8.GetBytes("""[{"uuid": "cc000000000000000000000000000002", "url": "http://h/d/2/", "state": "OK"}]""");
        var row = Assert.Single(RowReader.ReadList(body, Droplets, ["uuid", "url", "state"]));
        Assert.False(row.IsComplete);
        Assert.Equal("OK", row["state"]);
        Assert.Null(row["name"]);
        Assert.False(row.HasProblems);

        var missing = Assert.Single(RowReader.ReadList(body, Droplets, ["uuid", "url", "name"]));
        Assert.Contains("`name` is absent or null", missing.ProblemAt(Droplets["name"].Index), StringComparison.Ordinal);
        Assert.True(Assert.Single(RowReader.ReadList(body, Droplets)).HasProblems);
    }

    [Fact]
    public void A_projection_without_field_skips_every_other_key_and_checks_only_its_own()
    {
        // Waldur sent every key (no `field=`); a bad value or a missing required key outside the projection is never read.
        var body = Encoding.UTF8.GetBytes($"[{Image(extra: ", \"type\": true")}]".Replace("\"name\": \"Ubuntu 22.04 (LTS) x64\",", "", StringComparison.Ordinal));
        var row = Assert.Single(RowReader.ReadList(body, Images, ["uuid", "url", "distribution", "regions"]));

        Assert.False(row.IsComplete);
        Assert.False(row.HasProblems);
        Assert.Equal("Ubuntu", row["distribution"]);
        Assert.Equal("Amsterdam 3", Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!)["name"]);
        Assert.True(Assert.Single((IReadOnlyList<WaldurRow>)row["regions"]!).IsComplete);
        foreach (var skipped in new[] { "name", "type", "isOfficial", "createdAt", "minDiskSize" })
        {
            Assert.Null(row[skipped]);
        }

        Assert.NotNull(Assert.Single(RowReader.ReadList(body, Images, ["uuid", "url", "type"])).ProblemAt(Images["type"].Index));
        Assert.NotNull(Assert.Single(RowReader.ReadList(body, Images, ["uuid", "url", "name"])).ProblemAt(Images["name"].Index));
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

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("\"text \\u00e9\"")]
    [InlineData("true")]
    public void A_free_form_field_holding_a_scalar_is_that_scalars_exact_JSON_text(string value)
    {
        // Generated types keep an int64 as JSON (GraphQL's Int is 32-bit): a bare number must read, not be a problem.
        var json = JsonNode.Parse("""{"url": "http://h/d/1/", "uuid": "cc000000000000000000000000000001", "name": "web"}""")!.AsObject();
        var body = json.ToJsonString()[..^1] + $$""", "marketplace_offering_plugin_options": {{value}}}""";
        var row = RowReader.ReadItem(Encoding.UTF8.GetBytes(body), Droplets);

        Assert.Equal(value, row["marketplaceOfferingPluginOptions"]);
        Assert.False(row.HasProblems);
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
                {
                    Assert.True(Equals(expected[field.Index], rows[k][field.Index]), $"seed 20261128 round {round} row {k} field {field.Name}");
                }

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
            {
                result[$"noise_{random.Next(1000)}_{key}"] = JsonNode.Parse("""{"k": [1, "two", null, {"three": 3}]}""");
            }

            result[key] = value;
        }
        return result;
    }
}
