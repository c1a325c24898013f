namespace Waldur.Catalog.Generator;

/// <summary>The repository's default locations, found by walking up from a directory to <c>Waldur.GraphGateway.sln</c>.</summary>
public sealed record RepositoryPaths(string Root)
{
    public const string SolutionFile = "Waldur.GraphGateway.sln";

    public string Spec => Path.Combine(Root, "spec", "waldur", "waldur-openapi-8.0.5.yaml");

    public string Overrides => Path.Combine(Root, "src", "Waldur.Catalog", "Overrides", "overrides.json");

    public string Output => Path.Combine(Root, "src", "Waldur.Catalog", "Generated", "WaldurCatalog.g.cs");

    public string AllOutput => AllOutputBeside(Output);

    /// <summary>The emulator's data files drawn from the spec (<c>list-operations.json</c>, <c>write-operations.json</c>, <c>core-schemas.json</c>).</summary>
    public string EmulatorSchemas => Path.Combine(Root, "src", "Waldur.Emulator", "Waldur", "Schemas");

    public string WritesOutput => WritesOutputBeside(Output);

    /// <summary><c>WaldurWrites.g.cs</c> beside the reviewed catalog's file.</summary>
    public static string WritesOutputBeside(string output) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "WaldurWrites.g.cs");

    /// <summary><c>WaldurWrites.All.g.cs</c> (the generated writes) beside the reviewed catalog's file.</summary>
    public static string GeneratedWritesOutputBeside(string output) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "WaldurWrites.All.g.cs");

    /// <summary><c>WaldurCatalog.All.g.cs</c> beside the reviewed catalog's file.</summary>
    public static string AllOutputBeside(string output) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "WaldurCatalog.All.g.cs");

    public static RepositoryPaths? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return new RepositoryPaths(dir.FullName);
            }
        }

        return null;
    }
}
