using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FlowLogWarehouse.Core.Parsing;

/// <summary>
/// A line's separators (space or tab) as a bit mask, one bit per byte, 64 bytes per word; every bit from the line's
/// end on is set, so a token always ends at a set bit. Finding them 16 bytes per compare and reading tokens off the
/// mask with bit scans costs a few instructions per token instead of a few per byte.
/// </summary>
internal static class Separators
{
    /// <summary>Fills <paramref name="mask"/> ((line.Length / 64) + 1 words) for <paramref name="line"/>.</summary>
    public static void Find(ReadOnlySpan<byte> line, Span<ulong> mask)
    {
        var full = line.Length >> 6;
        for (var w = 0; w < full; w++)
            mask[w] = Mask64(line, w << 6);
        var rest = line.Length & 63;
        if (rest == 0)
            mask[full] = ulong.MaxValue;
        else if (line.Length >= 64)
            // The last 64 bytes, shifted so their first bit is the first byte after the full words.
            mask[full] = (Mask64(line, line.Length - 64) >> (64 - rest)) | (ulong.MaxValue << rest);
        else
            mask[full] = ScalarMask(line) | (ulong.MaxValue << rest);
    }

    /// <summary>The first byte at or after <paramref name="pos"/> that is not a separator, or <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextToken(ReadOnlySpan<ulong> mask, int pos, int end)
    {
        var w = pos >> 6;
        if (w >= mask.Length)
            return end;
        var bits = ~mask[w] & (ulong.MaxValue << (pos & 63));
        while (bits == 0)
        {
            if (++w == mask.Length)
                return end;
            bits = ~mask[w];
        }
        return Math.Min(end, (w << 6) + BitOperations.TrailingZeroCount(bits));
    }

    /// <summary>The first separator at or after <paramref name="pos"/>; the line's end when none is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextSeparator(ReadOnlySpan<ulong> mask, int pos)
    {
        var w = pos >> 6;
        var bits = mask[w] & (ulong.MaxValue << (pos & 63));
        while (bits == 0)
            bits = mask[++w]; // the bits from the line's end on are set, so this stops within the mask
        return (w << 6) + BitOperations.TrailingZeroCount(bits);
    }

    private static ulong Mask64(ReadOnlySpan<byte> line, int offset)
    {
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(line), offset);
        var space = Vector128.Create((byte)' ');
        var tab = Vector128.Create((byte)'\t');
        ulong mask = 0;
        for (var i = 0; i < 4; i++)
        {
            var v = Vector128.LoadUnsafe(ref at, (nuint)(i * 16));
            mask |= (ulong)(Vector128.Equals(v, space) | Vector128.Equals(v, tab)).ExtractMostSignificantBits() << (i * 16);
        }
        return mask;
    }

    private static ulong ScalarMask(ReadOnlySpan<byte> line)
    {
        ulong mask = 0;
        for (var i = 0; i < line.Length; i++)
            if (line[i] is (byte)' ' or (byte)'\t')
                mask |= 1UL << i;
        return mask;
    }
}
