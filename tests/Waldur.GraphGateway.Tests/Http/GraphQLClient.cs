using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Small helpers to send raw GraphQL-over-HTTP requests and read status, type and error code.</summary>
public static class GraphQLClient
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static async Task<Reply> PostAsync(HttpClient client, string body, string? accept = null, string contentType = "application/json", string path = "/graphql")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await SendAsync(client, request);
    }

    public static Task<Reply> PostQueryAsync(HttpClient client, string query, string? accept = null) =>
        PostAsync(client, JsonSerializer.Serialize(new { query }), accept);

    public static async Task<Reply> GetAsync(HttpClient client, string pathAndQuery, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await SendAsync(client, request);
    }

    public static async Task<Reply> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public sealed record Reply(HttpStatusCode Status, string? MediaType, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The <c>extensions.code</c> of the first error.</summary>
        public string? Code => Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

        public string? Message => Json.GetProperty("errors")[0].GetProperty("message").GetString();

        public bool HasData => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("data", out _);
    }
}
