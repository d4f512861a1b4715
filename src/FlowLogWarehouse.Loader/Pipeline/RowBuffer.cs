using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// Rows of one partition waiting to become a Parquet row group, stored whole (fixed-width numeric and string slots
/// per row) in pooled blocks: appending a row is two small copies, and columns are gathered once at flush.
/// </summary>
internal sealed class RowBuffer(PartitionKey key, RowBlockPool pool, int maxRows)
{
    private readonly List<RowBlock> _blocks = [];
    private readonly CharArena _arena = new();

    public PartitionKey Key { get; } = key;

    public int Count { get; private set; }

    public bool IsFull => Count == maxRows;

    /// <summary>The blocks holding the rows, in order; every block is full except perhaps the last.</summary>
    public IReadOnlyList<RowBlock> Blocks => _blocks;

    /// <summary>Rows held by block <paramref name="index"/> of <see cref="Blocks"/>.</summary>
    public int RowsIn(int index) => Math.Min(RowBlockPool.BlockRows, Count - index * RowBlockPool.BlockRows);

    /// <summary>Copies a parsed line; strings come from the intern pools when possible, else from the arena.</summary>
    public void Append(ReadOnlySpan<long> numbers, ReadOnlySpan<StringValue> strings, ReadOnlySpan<byte> line, Utf8StringPool[] pools)
    {
        var row = Count % RowBlockPool.BlockRows;
        if (row == 0)
            _blocks.Add(pool.Rent());
        var block = _blocks[^1];
        var blockNumbers = block.Numbers;
        for (int s = 0, i = row; s < pool.NumericSlots; s++, i += RowBlockPool.BlockRows)
            blockNumbers[i] = numbers[s];
        var blockStrings = block.Strings;
        for (int s = 0, i = row; s < pool.StringSlots; s++, i += RowBlockPool.BlockRows)
        {
            ref readonly var value = ref strings[s];
            if (value.IsNull)
                blockStrings[i] = default;
            else if (value.Constant is not null)
                blockStrings[i] = value.Constant.AsMemory();
            else
            {
                var utf8 = line.Slice(value.Start, value.Length);
                blockStrings[i] = pools[s].TryGet(utf8, out var pooled) ? pooled.AsMemory() : _arena.Copy(utf8);
            }
        }
        Count++;
    }

    /// <summary>Gives the memory back once the rows are written.</summary>
    public void Release()
    {
        foreach (var block in _blocks)
            pool.Return(block);
        _blocks.Clear();
        _arena.Release();
        Count = 0;
    }
}
