using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser;
using Waldur.GraphGateway.Http;
using Xunit;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>
/// The key under which a passed verdict of the variable-reading rules is kept: it holds exactly the variables those
/// rules can see, and two requests share it only when those variables' values are equal.
/// </summary>
public sealed class VariableVerdictsTests
{
    private const string Document = """
        query Q($first: Int, $after: String, $text: String, $show: Boolean, $id: String, $order: [Order!], $both: Int) {
          items(first: $first, after: $after, where: { name: { eq: $text } }) @include(if: $show) {
            nodes { owner(uuid: $id) { name } }
          }
          more: items(after: $both, last: $both) { ...F }
        }
        fragment F on Page { nodes(order: $order) { name } }
        """;

    private static readonly GraphQLSerializer Json = new();

    private static VariableVerdicts Verdicts(string document = Document) => new(Parser.Parse(document));

    private static Inputs Variables(string json) => Json.Deserialize<Inputs>(json)!;

    [Fact]
    public void Only_variables_inside_a_costed_argument_or_a_directive_are_part_of_the_key()
    {
        Assert.Equal(["both", "first", "order", "show", "text"], Verdicts().Names);
    }

    [Fact]
    public void A_new_cursor_or_uuid_keeps_the_key_and_any_costed_value_changes_it()
    {
        var verdicts = Verdicts();
        var key = verdicts.KeyFor("Q", Variables("""{"first":20,"after":"a","id":"x","text":"n"}"""));

        Assert.Equal(key, verdicts.KeyFor("Q", Variables("""{"first":20,"after":"b","id":"y","text":"n"}""")));
        Assert.NotEqual(key, verdicts.KeyFor("Q", Variables("""{"first":21,"after":"a","id":"x","text":"n"}""")));
        Assert.NotEqual(key, verdicts.KeyFor("Q", Variables("""{"first":20,"after":"a","id":"x","text":"m"}""")));
        Assert.NotEqual(key, verdicts.KeyFor("Q", Variables("""{"first":20,"after":"a","id":"x","text":"n","show":false}""")));
        Assert.NotEqual(key, verdicts.KeyFor("Other", Variables("""{"first":20,"after":"a","id":"x","text":"n"}""")));
    }

    [Theory]
    [InlineData("""{"first":20}""", """{"first":"20"}""")]
    [InlineData("""{"first":20}""", """{"first":20.5}""")]
    [InlineData("""{"first":null}""", """{}""")]
    [InlineData("""{"text":"a\",\"b"}""", """{"text":"a","b":1}""")]
    [InlineData("""{"order":[{"name":"ASC"}]}""", """{"order":[{"name":"ASC"},{"name":"ASC"}]}""")]
    [InlineData("""{"order":[{"a\":1,\"b":"ASC"}]}""", """{"order":[{"a":1,"b":"ASC"}]}""")]
    [InlineData("""{"show":true}""", """{"show":"true"}""")]
    public void Different_values_never_share_a_key(string left, string right)
    {
        var verdicts = Verdicts();

        Assert.NotEqual(verdicts.KeyFor("Q", Variables(left)), verdicts.KeyFor("Q", Variables(right)));
    }

    [Fact]
    public void A_key_past_the_length_limit_is_not_kept()
    {
        var verdicts = Verdicts();
        var longText = new string('x', VariableVerdicts.MaxKeyLength);

        Assert.Null(verdicts.KeyFor("Q", Variables($$"""{"text":"{{longText}}"}""")));
        Assert.NotNull(verdicts.KeyFor("Q", Variables("""{"text":"short"}""")));
    }

    [Fact]
    public void Only_passes_are_kept_and_at_most_the_limit_per_document()
    {
        var verdicts = Verdicts();
        var keys = Enumerable.Range(0, VariableVerdicts.MaxKeys + 1).Select(i => verdicts.KeyFor("Q", Variables($$"""{"first":{{i}}}"""))!).ToList();

        Assert.False(verdicts.Passed(keys[0]));
        keys.ForEach(verdicts.MarkPassed);

        Assert.All(keys.Take(VariableVerdicts.MaxKeys), key => Assert.True(verdicts.Passed(key)));
        Assert.False(verdicts.Passed(keys[^1]));
    }
}
