using System.Collections.Concurrent;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// Serialised JSON of each image, per base url (urls depend on the Host header, U6), filled lazily so a list
/// response only concatenates cached bytes. Only a few distinct hosts are cached; others are serialised per request.
/// </summary>
internal sealed class JsonCache(EmulatorDataset dataset)
{
    private const int MaxHosts = 16;
    private readonly ConcurrentDictionary<string, HostEntry> _hosts = new(StringComparer.Ordinal);

    public byte[] Image(EmulatorImage image, string baseUrl)
    {
        var entry = Host(baseUrl);
        if (entry is null)
        {
            return ResourceJson.Utf8(ResourceJson.Image(image, baseUrl));
        }

        // A benign race: two threads may serialise the same image; both produce identical bytes.
        return entry.Images[image.Id - 1] ??= ResourceJson.Utf8(ResourceJson.Image(image, baseUrl));
    }

    private HostEntry? Host(string baseUrl)
    {
        if (_hosts.TryGetValue(baseUrl, out var entry))
        {
            return entry;
        }

        return _hosts.Count >= MaxHosts
            ? null
            : _hosts.GetOrAdd(baseUrl, _ => new HostEntry(new byte[dataset.Images.Count][]));
    }

    private sealed record HostEntry(byte[]?[] Images);
}
