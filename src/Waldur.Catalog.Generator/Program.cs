using System.Globalization;
using Waldur.Catalog.Generator;

// Usage: dotnet run --project src/Waldur.Catalog.Generator [-- [--check] [--spec PATH] [--overrides PATH] [--output PATH]]
string? spec = null, overrides = null, output = null;
var check = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check": check = true; break;
        case "--spec" when i + 1 < args.Length: spec = args[++i]; break;
        case "--overrides" when i + 1 < args.Length: overrides = args[++i]; break;
        case "--output" when i + 1 < args.Length: output = args[++i]; break;
        default:
            await Console.Error.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'. Usage: [--check] [--spec PATH] [--overrides PATH] [--output PATH]");
            return 64;
    }
}

var repo = RepositoryPaths.Find(Directory.GetCurrentDirectory()) ?? RepositoryPaths.Find(AppContext.BaseDirectory);
if (repo is null && (spec is null || overrides is null || output is null))
{
    await Console.Error.WriteLineAsync($"Cannot find {RepositoryPaths.SolutionFile} above the current directory; pass --spec, --overrides and --output.");
    return 64;
}

// The emulator's data files are the repository's: written (or checked) only when the catalog goes to its usual place.
var options = new GeneratorOptions(spec ?? repo!.Spec, overrides ?? repo!.Overrides, output ?? repo!.Output, check, output is null ? repo?.EmulatorSchemas : null);
var run = await Generator.RunAsync(options);
var timing = string.Create(CultureInfo.InvariantCulture, $"(spec parsed in {run.SpecParse.TotalSeconds:0.00} s, total {run.Total.TotalSeconds:0.00} s)");
if (run.ExitCode == 0)
{
    Console.WriteLine($"{run.Message} {timing}");
}
else
{
    await Console.Error.WriteLineAsync($"{run.Message}\n{timing}");
}

return run.ExitCode;
