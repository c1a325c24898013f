using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>One list page straight from Waldur: status, <c>X-Result-Count</c> (null when absent), rows (empty unless 200), body text.</summary>
public sealed record RestPage(int Status, int? Count, IReadOnlyList<JsonObject> Rows, string Body)
{
    public string Excerpt => Body.Length > 300 ? Body[..300] + "…" : Body;
}

/// <summary>A whole list as one caller sees it: every page read with <c>page_size=300</c> (Waldur's largest).</summary>
public sealed record RestList(int Status, int Count, IReadOnlyList<JsonObject> Rows, string Body)
{
    public bool Ok => Status == 200;

    public Dictionary<string, JsonObject> ByUuid() =>
        Rows.Where(r => r["uuid"] is JsonValue).GroupBy(r => r["uuid"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}

/// <summary>
/// Direct REST to the target Waldur, GET only, with <c>Authorization: Token &lt;key&gt;</c>. Whole lists and retrieves are
/// cached per caller for the run: the suite is read-only and expects Waldur's data not to change while it runs.
/// </summary>
public sealed class WaldurRest(Uri root) : IDisposable
{
    public const int MaxPageSize = 300;

    private readonly HttpClient _http = new() { BaseAddress = root, Timeout = TimeSpan.FromSeconds(100) };
    private readonly ConcurrentDictionary<(string, string), Task<RestList>> _lists = new();
    private readonly ConcurrentDictionary<(string, string), Task<RestPage>> _retrieves = new();

    /// <summary>GET <paramref name="path"/> (relative to the root, e.g. <c>api/projects/?o=name</c>) as <paramref name="caller"/>.</summary>
    public async Task<RestPage> GetAsync(string path, Caller caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", caller.Authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        int? count = response.Headers.TryGetValues("X-Result-Count", out var values)
            && int.TryParse(values.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null;
        IReadOnlyList<JsonObject> rows = [];
        if (response.IsSuccessStatusCode)
        {
            var json = JsonNode.Parse(body);
            rows = json switch
            {
                JsonArray array => array.OfType<JsonObject>().ToList(),
                JsonObject { } one when one["results"] is JsonArray results => results.OfType<JsonObject>().ToList(),
                JsonObject one => [one],
                _ => [],
            };
        }

        return new RestPage((int)response.StatusCode, count, rows, body);
    }

    /// <summary>The first page of <paramref name="query"/> (e.g. <c>o=-name&amp;page_size=20</c>) on a list.</summary>
    public Task<RestPage> PageAsync(ResourceDescriptor resource, string query, Caller caller) =>
        GetAsync($"{resource.Path}?{query}", caller);

    /// <summary>Every row of the list with <paramref name="query"/> (may be empty), as <paramref name="caller"/>; cached.</summary>
    public Task<RestList> AllAsync(ResourceDescriptor resource, Caller caller, string query = "") =>
        _lists.GetOrAdd(($"{resource.Path}?{query}", caller.Authorization), _ => ReadAllAsync(resource.Path, query, caller));

    /// <summary><c>GET {path}{uuid}/</c> as <paramref name="caller"/>; cached.</summary>
    public Task<RestPage> RetrieveAsync(ResourceDescriptor resource, string uuid, Caller caller) =>
        _retrieves.GetOrAdd(($"{resource.Path}{uuid}/", caller.Authorization), p => GetAsync(p.Item1, caller));

    private async Task<RestList> ReadAllAsync(string path, string query, Caller caller)
    {
        var rows = new List<JsonObject>();
        var prefix = query.Length == 0 ? "" : query + "&";
        int? total = null;
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync($"{path}?{prefix}page_size={MaxPageSize}&page={page}", caller);
            if (answer.Status == 404 && page > 1)
            {
                break;
            }

            if (answer.Status != 200)
            {
                return new RestList(answer.Status, 0, [], answer.Body);
            }

            total ??= answer.Count;
            rows.AddRange(answer.Rows);
            // Unpaged lists (no X-Result-Count) come whole; paged ones end at the count or at a short page.
            if (answer.Count is null || answer.Rows.Count < MaxPageSize || rows.Count >= answer.Count)
            {
                break;
            }

            if (page >= 200)
            {
                throw new InvalidOperationException($"{path}: more than {page * MaxPageSize} rows; the contract suite reads whole lists");
            }
        }

        return new RestList(200, total ?? rows.Count, rows, "");
    }

    public void Dispose() => _http.Dispose();
}
