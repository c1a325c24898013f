using System.Diagnostics;

namespace Waldur.Catalog.Generator;

/// <param name="EmulatorSchemas">Where the emulator's data files go; null leaves them alone.</param>
public sealed record GeneratorOptions(string Spec, string Overrides, string Output, bool Check, string? EmulatorSchemas = null)
{
    /// <summary><c>WaldurCatalog.All.g.cs</c>, beside <see cref="Output"/>.</summary>
    public string AllOutput => RepositoryPaths.AllOutputBeside(Output);

    /// <summary><c>WaldurWrites.g.cs</c>, beside <see cref="Output"/>.</summary>
    public string WritesOutput => RepositoryPaths.WritesOutputBeside(Output);

    /// <summary><c>WaldurWrites.All.g.cs</c>, beside <see cref="Output"/>.</summary>
    public string GeneratedWritesOutput => RepositoryPaths.GeneratedWritesOutputBeside(Output);
}

public sealed record GeneratorRun(int ExitCode, string Message, TimeSpan SpecParse, TimeSpan Total);

/// <summary>The generated files: the reviewed catalog, every list (<c>WaldurCatalog.All</c>), the reviewed writes
/// (<c>WaldurWrites</c>) and the generated ones (<c>WaldurWrites.All</c>).</summary>
public sealed record GeneratedCatalogs(string Reviewed, string All, string Writes = "", string GeneratedWrites = "");

/// <summary>One run: load the spec and the overrides, build, write or check. The console app and the tests both call this.</summary>
public static class Generator
{
    public static string Generate(SpecLoadResult spec, string overridesPath, string specPath) => GenerateBoth(spec, overridesPath, specPath).Reviewed;

    public static GeneratedCatalogs GenerateBoth(SpecLoadResult spec, string overridesPath, string specPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var overrides = OverridesReader.ReadFile(overridesPath);
        var reviewed = CatalogBuilder.Build(spec.Document, overrides);
        var all = AllListsBuilder.Build(spec.Document, overrides, reviewed);
        var writes = WritesBuilder.Build(spec.Document, overrides, reviewed);
        var generatedWrites = WritesBuilder.BuildGenerated(spec.Document, writes, reviewed, all);
        var (specName, overridesName) = (Path.GetFileName(specPath), Path.GetFileName(overridesPath));
        return new GeneratedCatalogs(CatalogWriter.Write(reviewed, specName, overridesName), CatalogWriter.WriteAll(all, reviewed, specName, overridesName),
            CatalogWriter.WriteWrites(writes, specName, overridesName), CatalogWriter.WriteGeneratedWrites(generatedWrites, specName, overridesName));
    }

    public static async Task<GeneratorRun> RunAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        SpecLoadResult spec;
        GeneratedCatalogs texts;
        try
        {
            spec = await SpecLoader.LoadAsync(options.Spec, cancellationToken);
            texts = GenerateBoth(spec, options.Overrides, options.Spec);
        }
        catch (CatalogException e)
        {
            return new GeneratorRun(2, e.Message, TimeSpan.Zero, total.Elapsed);
        }

        var outputs = new List<(string Path, string Text)> { (options.Output, texts.Reviewed), (options.AllOutput, texts.All), (options.WritesOutput, texts.Writes),
            (options.GeneratedWritesOutput, texts.GeneratedWrites) };
        if (options.EmulatorSchemas is { } schemas)
        {
            outputs.AddRange(EmulatorExtracts(spec.Document, SpecYaml.Load(options.Spec), schemas));
        }

        if (options.Check)
        {
            var results = new List<CheckResult>();
            foreach (var (path, text) in outputs)
            {
                var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
                results.Add(CatalogCheck.Compare(current, text, Path.GetFileName(path)));
            }

            return new GeneratorRun(results.All(r => r.UpToDate) ? 0 : 1, string.Join("\n", results.Select(r => r.Message)), spec.Elapsed, total.Elapsed);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        foreach (var (path, text) in outputs)
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }

        return new GeneratorRun(0, $"Wrote {string.Join(", ", outputs.Select(o => o.Path))}.", spec.Elapsed, total.Elapsed);
    }

    /// <summary>The emulator's data files: what it serves generically, read instead of the 4 MB YAML so it starts fast.</summary>
    public static IEnumerable<(string Path, string Text)> EmulatorExtracts(Microsoft.OpenApi.OpenApiDocument document, System.Text.Json.Nodes.JsonNode yaml, string directory) =>
    [
        (Path.Combine(directory, ListOperationsExtract.FileName), ListOperationsExtract.Build(document, yaml)),
        (Path.Combine(directory, WriteOperationsExtract.FileName), WriteOperationsExtract.Build(document, yaml)),
        (Path.Combine(directory, CoreSchemasExtract.FileName), CoreSchemasExtract.Build(document, yaml)),
    ];
}
