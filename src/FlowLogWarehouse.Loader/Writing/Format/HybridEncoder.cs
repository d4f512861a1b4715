namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// Parquet's RLE / bit-packed hybrid encoding, for definition levels and dictionary indexes: a run of eight or more
/// equal values becomes one repeated run, everything else bit-packed groups of eight.
/// </summary>
internal static class HybridEncoder
{
    // Some readers reserve one byte for a bit-packed run's header, which holds at most 63 groups.
    private const int MaxGroupsPerRun = 63;

    public static void Encode(PageBuffer output, ReadOnlySpan<int> values, int bitWidth)
    {
        var packedFrom = 0;
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            var j = i + 1;
            while (j < values.Length && values[j] == value)
                j++;
            if (j - i >= 8)
            {
                // Bit-packed runs hold whole groups of eight: the run lends the pending values what they lack.
                var lend = (8 - (i - packedFrom) % 8) % 8;
                i += lend;
                WritePacked(output, values[packedFrom..i], bitWidth);
                WriteRepeated(output, value, j - i, bitWidth);
                packedFrom = j;
            }
            i = j;
        }
        WritePacked(output, values[packedFrom..], bitWidth);
    }

    private static void WriteRepeated(PageBuffer output, int value, int count, int bitWidth)
    {
        if (count == 0)
            return;
        output.WriteVarint((ulong)count << 1);
        for (var b = 0; b < (bitWidth + 7) / 8; b++)
            output.WriteByte((byte)(value >> (8 * b)));
    }

    /// <summary>Values in groups of eight; a last partial group is padded with zeros, which readers never read.</summary>
    private static void WritePacked(PageBuffer output, ReadOnlySpan<int> values, int bitWidth)
    {
        var groups = (values.Length + 7) / 8;
        for (var group = 0; group < groups; group += MaxGroupsPerRun)
        {
            var runGroups = Math.Min(MaxGroupsPerRun, groups - group);
            output.WriteVarint(((ulong)runGroups << 1) | 1);
            var bits = new BitWriter(output);
            var end = (group + runGroups) * 8;
            for (var k = group * 8; k < end; k++)
                bits.Write(k < values.Length ? (uint)values[k] : 0u, bitWidth);
            bits.Flush();
        }
    }

    /// <summary>Bits needed for values up to <paramref name="max"/> (0 for 0).</summary>
    public static int BitWidth(int max) => max == 0 ? 0 : 32 - int.LeadingZeroCount(max);
}
