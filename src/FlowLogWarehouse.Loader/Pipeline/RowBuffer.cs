using System.Buffers;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// Rows of one partition waiting to become a Parquet row group, stored whole (fixed-width numeric and string slots
/// per row) in pooled arrays: appending a row is two small copies, and columns are gathered once at flush.
/// </summary>
internal sealed class RowBuffer
{
    // Small to start: a five-minute file may add only a few rows to a partition, and thousands of such
    // buffers can wait in the accumulator at once.
    private const int InitialRows = 64;
    private readonly int _numericSlots;
    private readonly int _stringSlots;
    private readonly int _maxRows;
    private long[] _numbers;
    private ReadOnlyMemory<char>[] _strings;
    private readonly CharArena _arena = new();

    public RowBuffer(PartitionKey key, int numericSlots, int stringSlots, int maxRows)
    {
        Key = key;
        _numericSlots = numericSlots;
        _stringSlots = stringSlots;
        _maxRows = maxRows;
        Capacity = Math.Min(InitialRows, maxRows);
        _numbers = ArrayPool<long>.Shared.Rent(Math.Max(1, Capacity * numericSlots));
        _strings = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(1, Capacity * stringSlots));
    }

    public PartitionKey Key { get; }

    public int Count { get; private set; }

    public int Capacity { get; private set; }

    public bool IsFull => Count == _maxRows;

    public ReadOnlySpan<long> Numbers => _numbers.AsSpan(0, Count * _numericSlots);

    public ReadOnlySpan<ReadOnlyMemory<char>> Strings => _strings.AsSpan(0, Count * _stringSlots);

    /// <summary>The backing arrays, for the writer's gather loops (rows beyond <see cref="Count"/> are stale).</summary>
    public long[] NumberArray => _numbers;

    public ReadOnlyMemory<char>[] StringArray => _strings;

    /// <summary>Memory held, capacity included: what the accumulator's budget counts.</summary>
    public long RetainedBytes => _numbers.LongLength * sizeof(long) + _strings.LongLength * 16 + _arena.RetainedBytes;

    public int NumericSlots => _numericSlots;

    public int StringSlots => _stringSlots;

    /// <summary>Copies a parsed line; strings come from the intern pools when possible, else from the arena.</summary>
    public void Append(ReadOnlySpan<long> numbers, ReadOnlySpan<StringValue> strings, ReadOnlySpan<byte> line, Utf8StringPool[] pools)
    {
        if (Count == Capacity)
            Grow();
        numbers[.._numericSlots].CopyTo(_numbers.AsSpan(Count * _numericSlots, _numericSlots));
        var row = _strings.AsSpan(Count * _stringSlots, _stringSlots);
        for (var s = 0; s < row.Length; s++)
        {
            ref readonly var value = ref strings[s];
            if (value.IsNull)
                row[s] = default;
            else if (value.Constant is not null)
                row[s] = value.Constant.AsMemory();
            else
            {
                var utf8 = line.Slice(value.Start, value.Length);
                row[s] = pools[s].TryGet(utf8, out var pooled) ? pooled.AsMemory() : _arena.Copy(utf8);
            }
        }
        Count++;
    }

    private void Grow()
    {
        var capacity = Math.Min(Capacity * 2, _maxRows);
        var numbers = ArrayPool<long>.Shared.Rent(Math.Max(1, capacity * _numericSlots));
        var strings = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(1, capacity * _stringSlots));
        Numbers.CopyTo(numbers);
        Strings.CopyTo(strings);
        ArrayPool<long>.Shared.Return(_numbers);
        ArrayPool<ReadOnlyMemory<char>>.Shared.Return(_strings, clearArray: true);
        _numbers = numbers;
        _strings = strings;
        Capacity = capacity;
    }

    /// <summary>Gives the memory back once the rows are written.</summary>
    public void Release()
    {
        ArrayPool<long>.Shared.Return(_numbers);
        ArrayPool<ReadOnlyMemory<char>>.Shared.Return(_strings, clearArray: true);
        _numbers = [];
        _strings = [];
        _arena.Release();
        Count = 0;
    }
}
