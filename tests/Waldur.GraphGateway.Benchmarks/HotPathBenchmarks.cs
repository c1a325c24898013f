using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Http;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Benchmarks;

/// <summary>Request parsing, document validation, list planning and JSON mapping: what every request pays.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const string S1 = "query S1($first: Int!) { digitalOceanImages(first: $first) { nodes { uuid name distribution regions { name } } } }";
    private ServiceProvider _services = null!;
    private ISchema _schema = null!;
    private GraphQLRequestReader _reader = null!;
    private byte[] _requestBody = null!;
    private byte[] _waldurPage = null!;
    private GraphQLParser.AST.GraphQLDocument _document = null!;
    private FilterNode _filter = null!;
    private List<WaldurRow> _rows = null!;
    private ListResource _images = null!;
    private WaldurListQuery _s1Projection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = "http://127.0.0.1:9/" }).Build();
        var services = new ServiceCollection().AddLogging().AddHttpContextAccessor();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" });
        services.AddWaldurApi(configuration).AddWaldurSchema(configuration).AddGraphQLEndpoint(configuration);
        _services = services.BuildServiceProvider();
        _schema = _services.GetRequiredService<ISchema>();
        _schema.Initialize();
        _reader = _services.GetRequiredService<GraphQLRequestReader>();
        _requestBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = S1, variables = new { first = 20 } }));
        _document = Parser.Parse(S1);

        var dataset = EmulatorDataset.Generate(imageCount: 300);
        _images = _services.GetRequiredService<ListResources>()["DigitalOceanImage"];
        _rows = RowReader.ReadList(JsonSerializer.SerializeToUtf8Bytes(dataset.Images.Select(ToWaldurJson).ToList()), _images.Endpoint.Shape);
        _waldurPage = JsonSerializer.SerializeToUtf8Bytes(dataset.Images.Take(20).Select(ToWaldurJson).ToList());
        _s1Projection = FieldProjection.Apply(WaldurListQuery.Unfiltered(), _images,
            FieldProjection.Selected(_images, ["uuid", "name", "distribution", "regions", "regions.name"]), [], []);
        _filter = new AllOfFilter([
            new FieldFilter("isOfficial", FilterOperations.Eq, true),
            new FieldFilter("minDiskSize", "gte", 20480L),
            new FieldFilter("distribution", FilterOperations.Eq, "Ubuntu"),
        ]);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "HTTP body → GraphQL request (S1)")]
    public async Task<int> ParseRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(_requestBody);
        var (requests, _) = await _reader.ReadPostAsync(context.Request, CancellationToken.None);
        return requests.Count;
    }

    [Benchmark(Description = "parse + validate S1 against the schema")]
    public async Task<bool> ParseAndValidate()
    {
        var document = Parser.Parse(S1);
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(),
            Variables = new Inputs(new Dictionary<string, object?> { ["first"] = 20 }),
            RequestServices = _services,
        });
        return result.IsValid;
    }

    [Benchmark(Description = "validate S1 (document cached)")]
    public async Task<bool> ValidateCached()
    {
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = _document,
            Operation = _document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(),
            Variables = new Inputs(new Dictionary<string, object?> { ["first"] = 20 }),
            RequestServices = _services,
        });
        return result.IsValid;
    }

    [Benchmark(Description = "plan: split filter + choose page + cursor")]
    public int Plan()
    {
        var split = FilterSplitter.Split(_filter, _images.Pushdown);
        var choice = PageChooser.Choose(40, 60);
        var hash = CursorCodec.ArgumentsHash("DigitalOceanImage", _filter, []);
        return split.Pushdown.Count + choice.PageSize + CursorCodec.Encode(41, hash).Length;
    }

    [Benchmark(Description = "residual filter over 300 rows")]
    public int EvaluateResidual()
    {
        var match = FilterEvaluator.Compile(_filter, _images.Fields);
        return _rows.Count(r => match(r));
    }

    [Benchmark(Description = "Waldur JSON page (20 images) → rows")]
    public int MapWaldurPage() => RowReader.ReadList(_waldurPage, _images.Endpoint.Shape).Count;

    [Benchmark(Description = "Waldur JSON page (20 images) → rows, S1's keys only")]
    public int MapWaldurPageProjected() =>
        RowReader.ReadList(_waldurPage, _images.Endpoint.Shape, _s1Projection.Reads, _s1Projection.NestedReads).Count;

    /// <summary>An image as Waldur's serializer writes it (U4: keys in this order, regions nested whole, U5).</summary>
    internal static Dictionary<string, object?> ToWaldurJson(EmulatorImage i) => new()
    {
        ["url"] = $"http://h/api/digitalocean-images/{i.Uuid}/",
        ["uuid"] = i.Uuid,
        ["name"] = i.Name,
        ["distribution"] = i.Distribution,
        ["type"] = i.Type,
        ["regions"] = i.Regions.Select(r => new Dictionary<string, object?>
        {
            ["url"] = $"http://h/api/digitalocean-regions/{r.Uuid}/", ["uuid"] = r.Uuid, ["name"] = r.Name,
        }).ToList(),
        ["is_official"] = i.IsOfficial,
        ["created_at"] = i.CreatedAt,
        ["min_disk_size"] = i.MinDiskSize,
    };
}
