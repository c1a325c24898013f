namespace Waldur.Catalog.Generator.Tests;

[Collection(SpecCollection.Name)]
public sealed class CheckTests(SpecFixture fixture)
{
    [Fact]
    public void The_spec_loads_with_exactly_the_four_known_reader_errors() =>
        Assert.Equal(4, fixture.Spec.ToleratedErrors);

    [Fact]
    public void The_committed_catalog_is_what_the_spec_and_overrides_produce()
    {
        var generated = Generator.Generate(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec);
        var result = CatalogCheck.Compare(File.ReadAllText(fixture.Paths.Output), generated);
        Assert.True(result.UpToDate, result.Message);
    }

    [Fact]
    public void The_committed_emulator_data_files_are_what_the_spec_produces()
    {
        var yaml = SpecYaml.Load(fixture.Paths.Spec);
        foreach (var (path, text) in Generator.EmulatorExtracts(fixture.Spec.Document, yaml, fixture.Paths.EmulatorSchemas))
        {
            var result = CatalogCheck.Compare(File.ReadAllText(path), text, Path.GetFileName(path));
            Assert.True(result.UpToDate, result.Message);
        }
    }

    [Fact]
    public void Generating_twice_gives_the_same_text()
    {
        var first = Generator.Generate(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec);
        var second = Generator.Generate(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec);
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_override_without_regenerating_fails_the_check_naming_resource_and_field()
    {
        var dir = Directory.CreateTempSubdirectory("catalog-check-");
        try
        {
            var overrides = Path.Combine(dir.FullName, "overrides.json");
            var output = Path.Combine(dir.FullName, "WaldurCatalog.g.cs");
            var text = File.ReadAllText(fixture.Paths.Overrides);
            const string original = "True when DigitalOcean publishes the image (it has a DigitalOcean slug).";
            Assert.Contains(original, text, StringComparison.Ordinal);
            File.WriteAllText(overrides, text.Replace(original, "True when DigitalOcean itself publishes the image.", StringComparison.Ordinal));
            File.Copy(fixture.Paths.Output, output);

            var run = await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, overrides, output, Check: true));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("resource DigitalOceanImage", run.Message, StringComparison.Ordinal);
            Assert.Contains("field isOfficial", run.Message, StringComparison.Ordinal);
            Assert.Contains("+ ", run.Message, StringComparison.Ordinal);
            Assert.Contains("True when DigitalOcean itself publishes the image.", run.Message, StringComparison.Ordinal);

            // Without --check the same run rewrites the file, after which the check passes.
            Assert.Equal(0, (await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, overrides, output, Check: false))).ExitCode);
            Assert.Equal(0, (await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, overrides, output, Check: true))).ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_check_names_a_changed_filter()
    {
        var generated = Generator.Generate(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec);
        var stale = generated.Replace("new FilterDescriptor(\"state\", \"state\", FilterLookup.RepeatedMulti)",
            "new FilterDescriptor(\"state\", \"state\", FilterLookup.CsvMulti)", StringComparison.Ordinal);
        Assert.NotEqual(generated, stale);
        var result = CatalogCheck.Compare(stale, generated);
        Assert.False(result.UpToDate);
        Assert.Contains("resource DigitalOceanDroplet, filter state", result.Message, StringComparison.Ordinal);
    }
}
