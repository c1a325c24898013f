using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Loading.Paging;

/// <summary>
/// Relay's slicing (after/before narrow, then first takes from the front or last from the back) over positions of the
/// gateway's total order. <see cref="First"/>/<see cref="Last"/> are validated: at most one, not negative, at most the
/// maximum page size; with neither, <see cref="First"/> is the default page size.
/// </summary>
internal sealed record SliceBounds(int? First, int? AfterPosition, int? Last, int? BeforePosition)
{
    public static SliceBounds Create(PagingArguments paging, ListOptions options, byte[] argumentsHash)
    {
        if (paging.First is not null && paging.Last is not null)
        {
            throw new GatewayException(ErrorCodes.PagingFirstAndLast, "Pass either `first` or `last`, not both.");
        }

        foreach (var (name, value) in new[] { ("first", paging.First), ("last", paging.Last) })
        {
            if (value < 0)
            {
                throw new GatewayException(ErrorCodes.PagingNegativeSize, $"`{name}` must not be negative.");
            }

            if (value > options.MaxPageSize)
            {
                throw new GatewayException(ErrorCodes.PagingSizeTooLarge, $"`{name}` must be at most {options.MaxPageSize}.");
            }
        }

        var after = paging.After is null ? (int?)null : CursorCodec.Decode(paging.After, argumentsHash, "after");
        var before = paging.Before is null ? (int?)null : CursorCodec.Decode(paging.Before, argumentsHash, "before");
        var first = paging.First ?? (paging.Last is null ? options.DefaultPageSize : null);
        return new SliceBounds(first, after, paging.Last, before);
    }

    /// <summary><c>last</c> without <c>before</c> counts from the end, so it cannot be placed before the total is known.</summary>
    public bool NeedsTotal => Last is not null && BeforePosition is null;

    /// <summary>The positions to read when the total is not known yet (not for <see cref="NeedsTotal"/>): may run past the end.</summary>
    public (int Start, int End) Planned()
    {
        var start = AfterPosition + 1 ?? 0;
        var end = BeforePosition ?? int.MaxValue;
        if (First is { } first)
        {
            end = (int)Math.Min(end, (long)start + first);
        }
        else if (Last is { } last)
        {
            start = Math.Max(start, end - last);
        }

        return (start, Math.Max(start, end));
    }

    /// <summary>The exact positions once the total is known.</summary>
    public (int Start, int End) Resolve(int total)
    {
        var start = Math.Min(AfterPosition + 1 ?? 0, total);
        var end = Math.Max(start, Math.Min(BeforePosition ?? total, total));
        if (First is { } first)
        {
            end = (int)Math.Min(end, (long)start + first);
        }

        if (Last is { } last)
        {
            start = Math.Max(start, end - last);
        }

        return (start, end);
    }
}
