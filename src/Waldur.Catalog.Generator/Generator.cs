using System.Diagnostics;

namespace Waldur.Catalog.Generator;

public sealed record GeneratorOptions(string Spec, string Overrides, string Output, bool Check);

public sealed record GeneratorRun(int ExitCode, string Message, TimeSpan SpecParse, TimeSpan Total);

/// <summary>One run: load the spec and the overrides, build, write or check. The console app and the tests both call this.</summary>
public static class Generator
{
    public static async Task<string> GenerateAsync(string specPath, string overridesPath, CancellationToken cancellationToken = default)
    {
        var spec = await SpecLoader.LoadAsync(specPath, cancellationToken);
        return Generate(spec, overridesPath, specPath);
    }

    public static string Generate(SpecLoadResult spec, string overridesPath, string specPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var overrides = OverridesReader.ReadFile(overridesPath);
        var resources = CatalogBuilder.Build(spec.Document, overrides);
        return CatalogWriter.Write(resources, Path.GetFileName(specPath), Path.GetFileName(overridesPath));
    }

    public static async Task<GeneratorRun> RunAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        SpecLoadResult spec;
        string text;
        try
        {
            spec = await SpecLoader.LoadAsync(options.Spec, cancellationToken);
            text = Generate(spec, options.Overrides, options.Spec);
        }
        catch (CatalogException e)
        {
            return new GeneratorRun(2, e.Message, TimeSpan.Zero, total.Elapsed);
        }

        if (options.Check)
        {
            var current = File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output, cancellationToken) : "";
            var result = CatalogCheck.Compare(current, text, Path.GetFileName(options.Output));
            return new GeneratorRun(result.UpToDate ? 0 : 1, result.Message, spec.Elapsed, total.Elapsed);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await File.WriteAllTextAsync(options.Output, text, cancellationToken);
        return new GeneratorRun(0, $"Wrote {options.Output}.", spec.Elapsed, total.Elapsed);
    }
}
