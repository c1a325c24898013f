using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>Turns a <see cref="CorpusCase"/> into the HTTP request it describes, expanding its repeat templates.</summary>
public static partial class CorpusRequestBuilder
{
    public static HttpRequestMessage Build(CorpusCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var path = "/graphql";
        if (c.Get is not null)
        {
            path += "?" + string.Join("&", c.Get.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(Expand(p.Value))}"));
        }

        var request = new HttpRequestMessage(new HttpMethod(c.Method), path);
        var body = Body(c);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            var contentType = c.ContentType ?? "application/json";
            if (contentType.Length > 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("Accept", c.Accept);
        request.Headers.TryAddWithoutValidation("Authorization", GatewayHost.Token);
        foreach (var (name, value) in c.Headers ?? [])
        {
            request.Headers.Remove(name);
            if (!request.Headers.TryAddWithoutValidation(name, Expand(value)))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, Expand(value));
            }
        }

        return request;
    }

    private static byte[]? Body(CorpusCase c)
    {
        if (c.RawBase64 is not null)
        {
            return Convert.FromBase64String(c.RawBase64);
        }

        if (c.Raw is not null)
        {
            return Encoding.UTF8.GetBytes(Expand(c.Raw));
        }

        if (c.Get is not null || c.Method is "GET" or "HEAD" or "DELETE")
        {
            return null;
        }

        JsonNode node = c.Batch is not null ? ExpandNode(c.Batch)! : RequestObject(c);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static JsonObject RequestObject(CorpusCase c)
    {
        var request = new JsonObject();
        if (c.Query is not null)
        {
            request["query"] = Expand(c.Query);
        }

        if (c.OperationName is not null)
        {
            request["operationName"] = c.OperationName;
        }

        if (c.Variables is not null)
        {
            request["variables"] = ExpandNode(c.Variables);
        }

        if (c.Extensions is not null)
        {
            request["extensions"] = ExpandNode(c.Extensions);
        }

        return request;
    }

    /// <summary>String values are expanded; a string that expands to <c>[[json]]…</c> becomes that JSON.</summary>
    private static JsonNode? ExpandNode(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(Expand(p.Key), ExpandNode(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(ExpandNode)]),
        JsonValue v when v.TryGetValue<string>(out var s) => Expand(s) is var text && text.StartsWith("[[json]]", StringComparison.Ordinal)
            ? JsonNode.Parse(text["[[json]]".Length..], documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 100_000 })
            : JsonValue.Create(text),
        _ => node?.DeepClone(),
    };

    public static string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        while (Innermost().Match(text) is { Success: true } m)
        {
            int count = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var part = m.Groups[2].Value;
            var expanded = new StringBuilder(part.Length * count);
            for (int i = 0; i < count; i++)
            {
                expanded.Append(part.Replace("[[i]]", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            text = string.Concat(text.AsSpan(0, m.Index), expanded.ToString(), text.AsSpan(m.Index + m.Length));
        }

        return text;
    }

    [GeneratedRegex(@"\[\[repeat:(\d+)\]\]((?:(?!\[\[repeat:).)*?)\[\[/repeat\]\]", RegexOptions.Singleline)]
    private static partial Regex Innermost();
}
