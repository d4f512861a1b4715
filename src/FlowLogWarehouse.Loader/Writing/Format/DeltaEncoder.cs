using System.Numerics;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// Parquet's DELTA_BINARY_PACKED encoding of 64-bit integers: blocks of 1,024 deltas from the previous value, each
/// block's minimum delta subtracted and the rest bit-packed in miniblocks of 32. Start and end times, which grow by
/// seconds, pack into a few bits a value. (Blocks of 128 made 5 M v2 lines' start 7% larger after zstd.)
/// </summary>
internal static class DeltaEncoder
{
    private const int BlockSize = 1024;
    private const int Miniblocks = 32;
    private const int MiniblockSize = BlockSize / Miniblocks;

    public static void Encode(PageBuffer output, ReadOnlySpan<long> values)
    {
        output.WriteVarint(BlockSize);
        output.WriteVarint(Miniblocks);
        output.WriteVarint((ulong)values.Length);
        output.WriteVarint(ZigZag(values.IsEmpty ? 0 : values[0]));
        Span<ulong> deltas = stackalloc ulong[BlockSize];
        Span<int> widths = stackalloc int[Miniblocks];
        for (var i = 1; i < values.Length; i += BlockSize)
        {
            var count = Math.Min(BlockSize, values.Length - i);
            var min = long.MaxValue;
            for (var k = 0; k < count; k++)
                min = Math.Min(min, unchecked(values[i + k] - values[i + k - 1]));
            // Deltas wrap like the reader's additions do, so any pair of values fits in 64 bits above the minimum.
            for (var k = 0; k < count; k++)
                deltas[k] = unchecked((ulong)(values[i + k] - values[i + k - 1]) - (ulong)min);
            output.WriteVarint(ZigZag(min));
            for (var m = 0; m < Miniblocks; m++)
            {
                var max = 0UL;
                for (var k = m * MiniblockSize; k < Math.Min(count, (m + 1) * MiniblockSize); k++)
                    max |= deltas[k];
                widths[m] = 64 - BitOperations.LeadingZeroCount(max);
                output.WriteByte((byte)widths[m]);
            }
            var bits = new BitWriter(output);
            // A miniblock with no values has no body; the last one with values is padded to 32 values.
            for (var m = 0; m * MiniblockSize < count; m++)
                for (var k = m * MiniblockSize; k < (m + 1) * MiniblockSize; k++)
                    bits.Write(k < count ? deltas[k] : 0, widths[m]);
            bits.Flush();
        }
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
