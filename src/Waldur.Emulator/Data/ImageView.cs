using System.Collections.Concurrent;

namespace Waldur.Emulator.Data;

/// <summary>The images one caller can see, with each ordering sorted once and kept, so a list request only slices.</summary>
internal sealed class ImageView
{
    private readonly EmulatorImage[] _images;
    private readonly ConcurrentDictionary<string, Lazy<EmulatorImage[]>> _sorted = new(StringComparer.Ordinal);

    public ImageView(EmulatorImage[] images) => _images = images;

    public int Count => _images.Length;

    public EmulatorImage[] Sorted(ImageOrdering ordering) =>
        _sorted.GetOrAdd(ordering.CacheKey, _ => new Lazy<EmulatorImage[]>(() =>
        {
            var copy = (EmulatorImage[])_images.Clone();
            Array.Sort(copy, ordering);
            return copy;
        })).Value;
}
