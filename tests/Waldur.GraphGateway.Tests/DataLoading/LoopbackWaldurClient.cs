using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.DataLoading;

/// <summary>
/// A plain HTTP <see cref="IWaldurClient"/> over the emulator on loopback, so the by-uuid loaders are tested against
/// real Waldur semantics before the gateway's resilient client is wired in. Failures surface as HTTP exceptions.
/// </summary>
public sealed class LoopbackWaldurClient(HttpClient http) : IWaldurClient
{
    public async Task<WaldurPage<T>> ListAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(
            new Uri($"{endpoint.Path}?page={query.Page}&page_size={query.PageSize}", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var items = await response.Content.ReadFromJsonAsync(endpoint.ListJson, cancellationToken) ?? [];
        var total = int.Parse(response.Headers.GetValues("X-Result-Count").Single(), CultureInfo.InvariantCulture);
        var hasNext = response.Headers.GetValues("Link").Single().Contains("rel=\"next\"", StringComparison.Ordinal);
        return new WaldurPage<T>(items, total, hasNext);
    }

    public async Task<T?> RetrieveAsync<T>(WaldurEndpoint<T> endpoint, string uuid, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(new Uri($"{endpoint.Path}{uuid}/", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(endpoint.ItemJson, cancellationToken);
    }

    public async Task<int> CountAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(endpoint.Path, UriKind.Relative));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Result-Count").Single(), CultureInfo.InvariantCulture);
    }
}
