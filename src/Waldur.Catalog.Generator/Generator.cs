using System.Diagnostics;

namespace Waldur.Catalog.Generator;

public sealed record GeneratorOptions(string Spec, string Overrides, string Output, bool Check)
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

        var outputs = new[] { (Path: options.Output, Text: texts.Reviewed), (Path: options.AllOutput, Text: texts.All), (Path: options.WritesOutput, Text: texts.Writes),
            (Path: options.GeneratedWritesOutput, Text: texts.GeneratedWrites) };
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

        return new GeneratorRun(0, $"Wrote {options.Output}, {options.AllOutput}, {options.WritesOutput} and {options.GeneratedWritesOutput}.", spec.Elapsed, total.Elapsed);
    }
}
