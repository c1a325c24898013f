namespace Waldur.Emulator.Data;

/// <summary>Values every generator draws from its own seeded <see cref="Random"/>, so a dataset is the same for the same seed.</summary>
internal static class SeededValues
{
    public static T Pick<T>(this Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>A version-4 uuid as Waldur writes it: 32 lowercase hex digits (U3).</summary>
    public static string NewUuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Convert.ToHexStringLower(bytes);
    }
}
