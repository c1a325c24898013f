using System.Globalization;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>One span as an OTLP receiver got it: ids in hex, attribute values as text (arrays joined by commas).</summary>
public sealed record ReceivedSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    IReadOnlyDictionary<string, string> Attributes, ulong StartNanos)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;
}

/// <summary>
/// Decodes an OTLP/HTTP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1): resource spans →
/// scope spans → spans, keeping the fields the tests look at and skipping the rest.
/// </summary>
public static class OtlpTraceDecoder
{
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtoReader(request);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                ReadResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> message, List<ReceivedSpan> spans)
    {
        var reader = new ProtoReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 2 && wire == 2)
            {
                ReadScopeSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> message, List<ReceivedSpan> spans)
    {
        var reader = new ProtoReader(message);
        var scope = "";
        var raw = new List<byte[]>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                scope = ReadScopeName(reader.ReadBytes());
            }
            else if (field == 2 && wire == 2)
            {
                raw.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        spans.AddRange(raw.Select(span => ReadSpan(scope, span)));
    }

    private static string ReadScopeName(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                return reader.ReadString();
            }

            reader.Skip(wire);
        }

        return "";
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
                    var (key, value) = ReadKeyValue(reader.ReadBytes());
                    attributes[key] = value;
                    break;
                default: reader.Skip(wire); break;
            }
        }

        return new ReceivedSpan(scope, traceId, spanId, parent, name, attributes, start);
    }

    private static (string Key, string Value) ReadKeyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        string key = "", value = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                key = reader.ReadString();
            }
            else if (field == 2 && wire == 2)
            {
                value = ReadAnyValue(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (key, value);
    }

    /// <summary>AnyValue: 1 string, 2 bool, 3 int64, 4 double, 5 array (of AnyValue, field 1); others as empty text.</summary>
    private static string ReadAnyValue(ReadOnlySpan<byte> message)
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
                case 5 when wire == 2: parts.Add(ReadArray(reader.ReadBytes())); break;
                default: reader.Skip(wire); break;
            }
        }

        return string.Join(",", parts);
    }

    private static string ReadArray(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var items = new List<string>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                items.Add(ReadAnyValue(reader.ReadBytes()));
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return string.Join(",", items);
    }
}
