using System.Collections.Concurrent;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// Slots of <see cref="RowBlockPool.BlockRows"/> rows, column after column: slot s of row r is at
/// <c>s * BlockRows + r</c>, so the writer gathers a column by reading runs of adjacent values.
/// </summary>
internal sealed class RowBlock(int numericSlots, int stringSlots)
{
    public readonly long[] Numbers = new long[RowBlockPool.BlockRows * numericSlots];
    public readonly ReadOnlyMemory<char>[] Strings = new ReadOnlyMemory<char>[RowBlockPool.BlockRows * stringSlots];
}

/// <summary>
/// The blocks every row buffer of a batch is built from. All blocks have one size, so a released block fits the next
/// request exactly: buffering grows by adding blocks (no copying, no slack beyond a buffer's last block), and once the
/// pool holds as many blocks as the row budget keeps alive, buffering allocates nothing more.
/// </summary>
internal sealed class RowBlockPool(int numericSlots, int stringSlots)
{
    public const int BlockRows = 1024;

    private readonly ConcurrentBag<RowBlock> _free = [];

    public int NumericSlots => numericSlots;

    public int StringSlots => stringSlots;

    /// <summary>Memory of one block: a long per numeric slot and a ReadOnlyMemory&lt;char&gt; (16 bytes) per string slot.</summary>
    public long BlockBytes => (long)BlockRows * (numericSlots * sizeof(long) + stringSlots * 16);

    public RowBlock Rent() => _free.TryTake(out var block) ? block : new RowBlock(numericSlots, stringSlots);

    public void Return(RowBlock block)
    {
        // Strings point into intern pools and char arenas: clear them so a pooled block keeps none of that alive.
        Array.Clear(block.Strings);
        _free.Add(block);
    }
}
