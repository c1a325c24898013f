using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// A Relay global id: standard base64 of <c>TypeName:uuid</c> with the uuid as 32 lowercase hex, as
/// HotChocolate writes them. Decoding is strict (canonical base64, a GraphQL type name, the 32-hex uuid), so every
/// node has exactly one id and a tampered id is an error or names another node, never an alias.
/// </summary>
internal readonly record struct NodeId(string TypeName, string Uuid)
{
    private const int MaxEncodedLength = 512;

    public static string Encode(string typeName, string uuid)
    {
        if (!IsTypeName(typeName))
        {
            throw new ArgumentException($"'{typeName}' is not a GraphQL type name.", nameof(typeName));
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{WaldurUuid.Normalize(uuid)}"));
    }

    public override string ToString() => Encode(TypeName, Uuid);

    public static bool TryDecode([NotNullWhen(true)] string? id, out NodeId nodeId)
    {
        nodeId = default;
        if (string.IsNullOrEmpty(id) || id.Length > MaxEncodedLength || !Base64.IsValid(id, out _))
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(id);
        }
        catch (FormatException)
        {
            return false;
        }
        // Base64.IsValid tolerates whitespace and non-zero padding bits; only the canonical spelling is an id.
        if (!string.Equals(Convert.ToBase64String(bytes), id, StringComparison.Ordinal))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        // Ids are tokens the gateway issued: only the canonical uuid form, so one node has exactly one id.
        if (colon <= 0 || !IsTypeName(text.AsSpan(0, colon))
            || !WaldurUuid.TryNormalize(text[(colon + 1)..], out var uuid)
            || !string.Equals(uuid, text[(colon + 1)..], StringComparison.Ordinal))
        {
            return false;
        }

        nodeId = new NodeId(text[..colon], uuid);
        return true;
    }

    /// <summary>The id's parts, or an <see cref="ErrorCodes.IdInvalid"/> error.</summary>
    public static NodeId Decode(string? id) =>
        TryDecode(id, out var nodeId)
            ? nodeId
            : throw new GatewayException(ErrorCodes.IdInvalid,
                $"'{WaldurUuid.Truncate(id)}' is not a node id: expected base64 of 'TypeName:uuid' as returned in an 'id' field.");

    private static bool IsTypeName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
