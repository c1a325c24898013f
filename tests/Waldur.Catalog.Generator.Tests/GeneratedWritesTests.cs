using System.Text.RegularExpressions;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>Issue 23: every write operation of the spec is a mutation, the reviewed by their overrides, the rest generated.</summary>
[Collection(SpecCollection.Name)]
public sealed partial class GeneratedWritesTests(SpecFixture fixture)
{
    private (IReadOnlyList<WriteDescriptor> Reviewed, IReadOnlyList<WriteDescriptor> Generated) Writes()
    {
        var overrides = OverridesReader.ReadFile(fixture.Paths.Overrides);
        var reviewed = WritesBuilder.Build(fixture.Spec.Document, overrides, fixture.Resources);
        var all = AllListsBuilder.Build(fixture.Spec.Document, overrides, fixture.Resources);
        return (reviewed, WritesBuilder.BuildGenerated(fixture.Spec.Document, reviewed, fixture.Resources, all));
    }

    private IEnumerable<(string Method, string Path, string Id)> SpecWrites() =>
        from path in fixture.Spec.Document.Paths
        from op in path.Value.Operations ?? []
        where op.Key.Method is "POST" or "PUT" or "PATCH" or "DELETE"
        select (op.Key.Method, path.Key, op.Value.OperationId!);

    [Fact]
    public void Every_write_operation_is_exactly_one_mutation()
    {
        var (reviewed, generated) = Writes();
        var ids = reviewed.Concat(generated).Select(w => w.OperationId).ToList();
        Assert.Equal(SpecWrites().Select(w => w.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(1184, ids.Count);
    }

    [Fact]
    public void Names_come_from_operation_ids_without_collisions_or_counter_suffixes()
    {
        var (reviewed, generated) = Writes();
        var names = reviewed.Concat(generated).Select(w => w.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(generated, w => Assert.Equal(Naming.CamelCase(w.OperationId), w.Name));
        Assert.All(generated, w => Assert.Matches(LowerCamel(), w.Name));
        // A counter suffix is a digit the operation id does not have.
        Assert.All(generated, w => Assert.Equal(Regex.IsMatch(w.OperationId, "[0-9]$"), Regex.IsMatch(w.Name, "[0-9]$")));
    }

    [Fact]
    public void An_object_action_is_an_Action_on_its_list_typed_and_re_read()
    {
        var extend = Writes().Generated.Single(w => w.OperationId == "openstack_volumes_extend");
        Assert.Equal((WriteKind.Action, "POST", "api/openstack-volumes/{uuid}/extend/"), (extend.Kind, extend.Method, extend.Path));
        Assert.Equal("OpenstackVolume", extend.TypeName);
        Assert.Null(extend.PathParameters);
        Assert.Contains(extend.Input, f => f.JsonName == "disk_size" && f.Required && f.Kind == ValueKind.Int);
        Assert.False(extend.Idempotent);
    }

    [Fact]
    public void Creates_updates_and_deletes_of_a_list_follow_the_method_and_path()
    {
        var generated = Writes().Generated;
        var volume = generated.Where(w => w.Path == "api/openstack-volumes/{uuid}/").ToDictionary(w => w.Method);
        Assert.Equal((WriteKind.Update, WriteKind.Update, "OpenstackVolume"), (volume["PATCH"].Kind, volume["PUT"].Kind, volume["PATCH"].TypeName));
        var details = generated.Where(w => w.TypeName is not null && w.Path.EndsWith("/{uuid}/", StringComparison.Ordinal)).ToList();
        Assert.Contains(details, w => w.Method == "DELETE");
        Assert.All(details, w => Assert.Equal(w.Method switch { "DELETE" => WriteKind.Delete, "POST" => WriteKind.Action, _ => WriteKind.Update }, w.Kind));
        Assert.All(generated.Where(w => w.Kind == WriteKind.Create), w => Assert.DoesNotContain("{", w.Path, StringComparison.Ordinal));
        Assert.All(generated.Where(w => w.Kind is WriteKind.Update or WriteKind.Delete), w => Assert.EndsWith("{uuid}/", w.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_of_no_list_keeps_every_path_parameter_as_input_and_answers_JSON()
    {
        var generated = Writes().Generated;
        var orphans = generated.Where(w => w.TypeName is null).ToList();
        Assert.NotEmpty(orphans);
        Assert.All(orphans.Where(w => w.ResultType is null && w.AnswerType is null), w => Assert.Equal(WriteDescriptor.ResultField, w.PayloadField));
        Assert.All(orphans, w => Assert.False(string.IsNullOrEmpty(w.Tag), w.Name));
        Assert.All(generated, w => Assert.Equal(
            PathParameter().Matches(w.Path).Select(m => m.Groups[1].Value).Where(p => w.TypeName is null || p != "uuid").Distinct(),
            w.PathParameters ?? []));
        Assert.All(generated.Where(w => w.TypeName is not null), w => Assert.True(w.PathParameters is null, $"{w.Name}: {w.Path}"));
    }

    [Fact]
    public void A_write_of_no_list_whose_answer_is_a_lists_row_names_that_type()
    {
        var generated = Writes().Generated;
        var update = generated.Single(w => w.OperationId == "identity_providers_partial_update");
        Assert.Equal((null, "IdentityProvider"), (update.TypeName, update.ResultType));
        Assert.Equal(["provider"], update.PathParameters!);
        Assert.All(generated.Where(w => w.TypeName is not null), w => Assert.Null(w.ResultType));
        Assert.Contains(generated, w => w.TypeName is null && w.ResultType is null);
    }

    [Fact]
    public void A_write_of_no_list_answers_a_list_of_rows_as_that_lists_type()
    {
        var bulk = Writes().Generated.Single(w => w.OperationId == "marketplace_course_accounts_create_bulk");
        Assert.Equal(("CourseAccount", true, "courseAccounts"), (bulk.ResultType, bulk.ResultIsList, bulk.PayloadField));
    }

    [Fact]
    public void Any_other_documented_answer_gets_a_generated_type_from_its_schema()
    {
        var generated = Writes().Generated;
        // An inline schema: named after the mutation; every property a value field of its kind, nullable unless required.
        var publish = generated.Single(w => w.OperationId == "reviewer_profiles_publish").AnswerType!;
        Assert.Equal("ReviewerProfilesPublishAnswer", publish.TypeName);
        Assert.Equal([("isPublished", ValueKind.Boolean), ("publishedAt", ValueKind.DateTime), ("warning", ValueKind.String)],
            publish.Fields.Select(f => (f.Name, f.Kind)));
        // A component: named after it, shared by every write that answers it, a list when the answer is an array.
        var zones = generated.Where(w => w.AnswerType?.TypeName == "AvailabilityZoneResponse").ToList();
        Assert.Equal(["openstackDiscoveryDiscoverInstanceAvailabilityZones", "openstackDiscoveryDiscoverVolumeAvailabilityZones"], zones.Select(w => w.Name));
        Assert.All(zones, w => Assert.Equal((true, "availabilityZoneResponses"), (w.ResultIsList, w.PayloadField)));
        Assert.Same(zones[0].AnswerType, zones[1].AnswerType);
        // Names never reuse a list's type or an enum; answers without documented properties stay JSON text only.
        var all = fixture.Resources.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        Assert.All(generated.Select(w => w.AnswerType).OfType<AnswerTypeDescriptor>(), a => Assert.DoesNotContain(a.TypeName, all));
        var logout = generated.Single(w => w.OperationId == "auth_tokens_destroy");
        Assert.Equal((null, null, WriteDescriptor.ResultField), (logout.ResultType, logout.AnswerType, logout.PayloadField));
        Assert.Equal(111, generated.Count(w => w.ResultType is not null || w.AnswerType is not null));
    }

    [Fact]
    public void Generated_enum_types_never_clash_with_another_value_set()
    {
        var (reviewed, generated) = Writes();
        var seen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Walk(IEnumerable<InputFieldDescriptor> fields)
        {
            foreach (var f in fields)
            {
                if (f.Fields is not null)
                {
                    Walk(f.Fields);
                }

                if (f.EnumType is null || f.EnumValues is null)
                {
                    continue;
                }

                if (!seen.TryAdd(f.EnumType, f.EnumValues))
                {
                    Assert.Equal(seen[f.EnumType], f.EnumValues);
                }
            }
        }

        foreach (var w in reviewed.Concat(generated))
        {
            Walk(w.Input);
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex LowerCamel();

    [GeneratedRegex("\\{([^}]+)\\}")]
    private static partial Regex PathParameter();
}
