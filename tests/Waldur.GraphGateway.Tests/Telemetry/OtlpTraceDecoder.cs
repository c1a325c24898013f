using System.Globalization;
using System.Text;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>One span as an OTLP receiver got it: ids in hex, attribute values as text (arrays joined by commas).</summary>
public sealed record ReceivedSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    IReadOnlyDictionary<string, string> Attributes, ulong StartNanos)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;
}

/// <summary>
/// Decodes an OTLP/HTTP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1): resource spans (1) →
/// scope spans (2) → scope (1) and spans (2), keeping the fields the tests look at and skipping the rest.
/// </summary>
public static class OtlpTraceDecoder
{
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request) =>
        [.. Embedded(request, 1).SelectMany(resource => Embedded(resource, 2)).SelectMany(ReadScopeSpans)];

    private static IEnumerable<ReceivedSpan> ReadScopeSpans(byte[] scopeSpans)
    {
        var scope = Embedded(scopeSpans, 1).Select(s => Text(Embedded(s, 1))).FirstOrDefault() ?? "";
        return Embedded(scopeSpans, 2).Select(span => ReadSpan(scope, span));
    }

    private static ReceivedSpan ReadSpan(string scope, ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        string traceId = "", spanId = "", parent = "", name = "";
        ulong start = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2 when wire == 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4 when wire == 2: parent = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 5 when wire == 2: name = reader.ReadString(); break;
                case 7 when wire == 1: start = reader.ReadFixed64(); break;
                case 9 when wire == 2:
                    var keyValue = reader.ReadBytes();
                    attributes[Text(Embedded(keyValue, 1))] = string.Join(",", Embedded(keyValue, 2).Select(ReadAnyValue));
                    break;
                default: reader.Skip(wire); break;
            }
        }

        return new ReceivedSpan(scope, traceId, spanId, parent, name, attributes, start);
    }

    /// <summary>AnyValue: 1 string, 2 bool, 3 int64, 4 double, 5 array (of AnyValue, field 1); others are left out.</summary>
    private static string ReadAnyValue(byte[] message)
    {
        var reader = new ProtoReader(message);
        var parts = new List<string>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2: parts.Add(reader.ReadString()); break;
                case 2 when wire == 0: parts.Add(reader.ReadVarint() != 0 ? "true" : "false"); break;
                case 3 when wire == 0: parts.Add(((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture)); break;
                case 4 when wire == 1: parts.Add(BitConverter.UInt64BitsToDouble(reader.ReadFixed64()).ToString(CultureInfo.InvariantCulture)); break;
                case 5 when wire == 2: parts.Add(string.Join(",", Embedded(reader.ReadBytes(), 1).Select(ReadAnyValue))); break;
                default: reader.Skip(wire); break;
            }
        }

        return string.Join(",", parts);
    }

    /// <summary>Every length-delimited occurrence of <paramref name="field"/> in a message (a repeated field, or the one value).</summary>
    private static List<byte[]> Embedded(ReadOnlySpan<byte> message, int field)
    {
        var found = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number == field && wire == 2)
            {
                found.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return found;
    }

    private static string Text(List<byte[]> values) => values.Count == 0 ? "" : Encoding.UTF8.GetString(values[0]);
}
