using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Benchmarks;

/// <summary>
/// The residual evaluator at the limits (issue 17): a legal filter of <see cref="Terms"/> case-insensitive
/// <c>contains</c> alternatives (none matching, so every term runs on every row) over a full 10,000-row scan.
/// </summary>
[MemoryDiagnoser]
public class ResidualFilterBenchmarks
{
    private List<WaldurRow> _rows = null!;
    private ListResource _images = null!;
    private FilterNode _filter = null!;

    [Params(3, 50)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = "http://127.0.0.1:9/" }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddWaldurApi(configuration).AddWaldurSchema(configuration);
        using var provider = services.BuildServiceProvider();
        _images = provider.GetRequiredService<ListResources>()["DigitalOceanImage"];
        var dataset = EmulatorDataset.Generate(imageCount: 10_000);
        _rows = RowReader.ReadList(JsonSerializer.SerializeToUtf8Bytes(dataset.Images.Select(HotPathBenchmarks.ToWaldurJson).ToList()), _images.Endpoint.Shape);
        _filter = new AnyOfFilter([.. Enumerable.Range(0, Terms).Select(i => new FieldFilter("name", FilterOperations.Contains, $"zz{i}q"))]);
    }

    [Benchmark(Description = "or of contains terms over 10,000 rows")]
    public int OrOfContains()
    {
        var match = FilterEvaluator.Compile(_filter, _images.Fields);
        return _rows.Count(r => match(r));
    }
}
