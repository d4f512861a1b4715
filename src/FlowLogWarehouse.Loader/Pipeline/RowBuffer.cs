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

    /// <summary>Memory held, the last block's empty rows included: what the accumulator's budget counts.</summary>
    public long RetainedBytes => _blocks.Count * pool.BlockBytes + _arena.RetainedBytes;

    /// <summary>
    /// Moves <paramref name="other"/>'s rows (of the same partition) to the end of this buffer and takes over the
    /// text they point to; <paramref name="other"/> is left empty. Thousands of small files each leave a buffer of
    /// a few rows in a block of 1024: joining them keeps memory in proportion to rows.
    /// </summary>
    public void Absorb(RowBuffer other)
    {
        for (var index = 0; index < other._blocks.Count; index++)
        {
            var source = other._blocks[index];
            var rows = other.RowsIn(index);
            var copied = 0;
            while (copied < rows)
            {
                var at = Count % RowBlockPool.BlockRows;
                if (at == 0)
                    _blocks.Add(pool.Rent());
                var target = _blocks[^1];
                var run = Math.Min(rows - copied, RowBlockPool.BlockRows - at);
                for (var s = 0; s < pool.NumericSlots; s++)
                    Array.Copy(source.Numbers, s * RowBlockPool.BlockRows + copied, target.Numbers, s * RowBlockPool.BlockRows + at, run);
                for (var s = 0; s < pool.StringSlots; s++)
                    Array.Copy(source.Strings, s * RowBlockPool.BlockRows + copied, target.Strings, s * RowBlockPool.BlockRows + at, run);
                copied += run;
                Count += run;
            }
        }
        _arena.Adopt(other._arena);
        foreach (var block in other._blocks)
            pool.Return(block);
        other._blocks.Clear();
        other.Count = 0;
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
