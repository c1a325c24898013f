using System.Buffers;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Turns an HTTP request into GraphQL requests, checking every parameter's JSON type so that a malformed request
/// becomes a 4xx with a stable code instead of a serializer exception.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a POST body: one request object, or a batch (JSON array) of them.</summary>
    public async Task<(IReadOnlyList<GraphQLHttpRequest> Requests, bool IsBatch)> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureJsonContentType(request.ContentType);
        var (buffer, length) = await ReadBodyAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        try
        {
            if (length == 0)
            {
                throw Invalid("The request body is empty; send a JSON object with a 'query'.");
            }

            // Everything read from the document is copied out (strings, Inputs) before the buffer goes back to the pool.
            using var json = Parse(buffer.AsMemory(0, length));
            return ReadRequests(json.RootElement);
        }
        finally
        {
            // Bodies carry mutation inputs: nothing of one request stays readable in the shared pool.
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private (IReadOnlyList<GraphQLHttpRequest> Requests, bool IsBatch) ReadRequests(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return ([WellFormed(() => ReadObject(root))], false);
        }

        int count = root.GetArrayLength();
        if (count == 0)
        {
            throw Invalid("The batch is empty.");
        }

        if (count > options.Value.MaxBatchSize)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.BatchTooLarge,
                $"The batch holds {count} requests; at most {options.Value.MaxBatchSize} are allowed.");
        }

        return (WellFormed(() => root.EnumerateArray().Select(ReadObject).ToList()), true);
    }

    /// <summary>Reads GET parameters; <c>variables</c> and <c>extensions</c> are URL-encoded JSON.</summary>
    public GraphQLHttpRequest ReadGet(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WellFormed(() => ReadGetCore(query));
    }

    /// <summary>
    /// A string escape such as <c>"\ud800"</c> passes the JSON reader but is not text: reading it throws when the value
    /// is first decoded, which is after parsing. That is still malformed JSON, not an internal error.
    /// </summary>
    private static T WellFormed<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson,
                "The request holds a JSON string that is not valid Unicode text (an unpaired surrogate escape).");
        }
    }

    private GraphQLHttpRequest ReadGetCore(IQueryCollection query)
    {
        var extensions = ReadJsonParameter(query, "extensions");
        return new GraphQLHttpRequest(
            Single(query, "query"),
            Single(query, "operationName"),
            ToInputs(ReadJsonParameter(query, "variables"), "variables"),
            ToInputs(extensions, "extensions"))
        { PersistedQueryHash = ReadPersistedQueryHash(extensions) };
    }

    private GraphQLHttpRequest ReadObject(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("A GraphQL request must be a JSON object.");
        }

        JsonElement? extensions = Property(element, "extensions");
        return new GraphQLHttpRequest(
            ReadString(element, "query"),
            ReadString(element, "operationName"),
            ToInputs(Property(element, "variables"), "variables"),
            ToInputs(extensions, "extensions"))
        { PersistedQueryHash = ReadPersistedQueryHash(extensions) };
    }

    private Inputs? ToInputs(JsonElement? element, string name)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"'{name}' must be a JSON object (a map), not {Describe(value)}.");
        }

        return serializer.ReadNode<Inputs>(value);
    }

    private static string? ReadPersistedQueryHash(JsonElement? extensions)
    {
        if (extensions is not { ValueKind: JsonValueKind.Object } ext
            || !ext.TryGetProperty("persistedQuery", out var persisted) || persisted.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (persisted.ValueKind != JsonValueKind.Object
            || !persisted.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String)
        {
            throw Invalid("'extensions.persistedQuery' must be an object with a string 'sha256Hash'.");
        }

        return hash.GetString();
    }

    /// <summary>A property that is present and not JSON null.</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? ReadString(JsonElement element, string name) => Property(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => throw Invalid($"'{name}' must be a string, not {Describe(value)}."),
    };

    private static JsonElement? ReadJsonParameter(IQueryCollection query, string name)
    {
        var text = Single(query, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text, JsonOptions);
            return doc.RootElement.ValueKind == JsonValueKind.Null ? null : doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"The '{name}' parameter is not valid JSON.");
        }
    }

    private static string? Single(IQueryCollection query, string name)
    {
        StringValues values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw Invalid($"The '{name}' parameter is given {values.Count} times."),
        };
    }

    private static void EnsureJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphQLHttpException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"POST bodies must be 'application/json', not '{contentType ?? "(none)"}'.");
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphQLHttpException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Only the utf-8 charset is supported, not '{media.Charset}'.");
        }
    }

    /// <summary>
    /// The body in a pooled buffer (the caller returns it): a request costs no 16 KB chunk and no copy into a stream. The
    /// limit is checked as bytes arrive, which also catches chunked bodies that announce no length.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // One byte past an announced length, so a body of exactly that length needs no second buffer to see its end.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } announced ? (int)announced + 1 : 4096);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    throw TooLarge(limit);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    buffer.AsSpan(0, length).Clear();
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        // The JSON reader leaves unread strings unchecked; checking the whole body keeps a later GetString from throwing.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body is not valid UTF-8.");
        }

        try
        {
            return JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"The request body is not valid JSON: {ex.Message}");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static GraphQLHttpException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The request body is larger than {limit} bytes.");

    private static GraphQLHttpException Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message);
}
