namespace Waldur.GraphGateway.Tests;

/// <summary>The checkout the tests run from: checked artifacts (schema.graphql, README.md) are compared against it.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Waldur.GraphGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Waldur.GraphGateway.sln above " + AppContext.BaseDirectory);
    }
}
