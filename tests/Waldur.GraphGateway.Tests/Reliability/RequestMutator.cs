using System.Text;
using System.Text.Json;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>Seeded mutations of valid GraphQL requests: the document, the variables, or the raw JSON body.</summary>
public sealed class RequestMutator(int seed)
{
    public static readonly (string Query, object? Variables)[] Seeds =
    [
        ("{ __typename }", null),
        ("{ digitalOceanImages(first: 3, where: { type: { eq: \"snapshot\" } }, order: [{ distribution: ASC }]) { totalCount nodes { uuid name regions { name } } pageInfo { endCursor hasNextPage } } }", null),
        ("query Q($n: String, $f: Int) { digitalOceanImages(first: $f, where: { name: { contains: $n } }) { edges { cursor node { id name minDiskSize createdAt } } } }", new { n = "ubuntu", f = 2 }),
        ("{ digitalOceanRegions(last: 2, order: [{ name: DESC }]) { nodes { id uuid name } } }", null),
        ("query($w: DigitalOceanImageFilterInput) { digitalOceanImages(where: $w, first: 5) { nodes { name isOfficial } } }",
            new { w = new { or = new object[] { new { minDiskSize = new { gt = 20000 } }, new { isOfficial = new { eq = true } } } } }),
        ("{ a: digitalOceanImageByUuid(uuid: \"0123456789abcdef0123456789abcdef\") { name } b: node(id: \"RGlnaXRhbE9jZWFuUmVnaW9uOjAxMjM=\") { id } }", null),
        ("fragment F on DigitalOceanImage { name type } query { digitalOceanImages(first: 2) { nodes { ...F regions { ... on DigitalOceanRegion { name } } } } }", null),
        ("{ nodes(ids: [\"eA==\"]) { id } digitalOceanImagesByUuids(uuids: []) { name } __schema { queryType { name } } }", null),
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "\"", "\\", "#", ",", "!", "=", "|", "&", "0", "-1", "1e400", "2147483648", "null", "true",
        "\"\\u0000\"", "\\ud800", "\u0000", "\u202e", "😀", "\uffff", " on ", "fragment", "query", "mutation", "__typename", "first: 1000", "after: \"x\"",
        "@skip(if: true)", "@include", "...F", "$undefined", "\n", "\t", "\r\n", "\"\"\"", "{ a { b { c } } }",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A mutated POST body (valid JSON or not) with a description of what was done.</summary>
    public (string Body, string What) Next()
    {
        var (query, variables) = Seeds[_random.Next(Seeds.Length)];
        int kind = _random.Next(10);
        if (kind < 6)
        {
            var mutated = MutateText(query, 1 + _random.Next(3));
            return (JsonSerializer.Serialize(new { query = mutated, variables }), "document");
        }

        if (kind < 8)
        {
            return (JsonSerializer.Serialize(new { query, variables = MutateVariables() }), "variables");
        }

        return (MutateText(JsonSerializer.Serialize(new { query, variables }), 1 + _random.Next(2)), "json");
    }

    private string MutateText(string text, int times)
    {
        var s = new StringBuilder(text);
        for (int i = 0; i < times && s.Length > 0; i++)
        {
            int at = _random.Next(s.Length);
            switch (_random.Next(6))
            {
                case 0:
                    s.Remove(at, Math.Min(s.Length - at, 1 + _random.Next(8)));
                    break;
                case 1:
                    s.Insert(at, Fragments[_random.Next(Fragments.Length)]);
                    break;
                case 2:
                    int len = Math.Min(s.Length - at, 1 + _random.Next(40));
                    var span = s.ToString(at, len);
                    s.Insert(at, string.Concat(Enumerable.Repeat(span, 1 + _random.Next(20))));
                    break;
                case 3:
                    int other = _random.Next(s.Length);
                    (s[at], s[other]) = (s[other], s[at]);
                    break;
                case 4:
                    s.Length = at;
                    break;
                default:
                    s[at] = (char)_random.Next(0, 0x3000);
                    break;
            }
        }

        return s.ToString();
    }

    private object MutateVariables() => _random.Next(8) switch
    {
        0 => new { n = _random.Next(), f = "two" },
        1 => new { n = new[] { 1, 2 }, f = -_random.Next() },
        2 => new { w = "not an object" },
        3 => new { w = new { name = new { eq = new string('x', _random.Next(1, 5000)) } } },
        4 => new { w = new { createdAt = new { gt = "2024-13-45T99:00:00Z" } } },
        5 => new { f = double.MaxValue },
        6 => new { w = new { and = Enumerable.Range(0, _random.Next(1, 300)).Select(i => new { minDiskSize = new { gt = i } }).ToArray() } },
        _ => new { n = (string?)null, f = (int?)null, extra = new { deep = new { er = 1 } } },
    };
}
