using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// The distinct values of one string column chunk and each value's index, for dictionary encoding. Open addressing on
/// a cheap hash of the characters: values are short (addresses, ids), and most repeat the same interned string, whose
/// comparison then stops at the reference.
/// </summary>
internal sealed class StringDictionary
{
    private int[] _slots = [];
    private int[] _hashes = [];
    private ReadOnlyMemory<char>[] _values = [];
    private int _mask;
    private int _limit;

    public int Count { get; private set; }

    public ReadOnlySpan<ReadOnlyMemory<char>> Values => _values.AsSpan(0, Count);

    /// <summary>Empties the dictionary for a chunk that may hold at most <paramref name="limit"/> distinct values.</summary>
    public void Reset(int limit)
    {
        _limit = limit;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, limit * 2));
        if (_slots.Length < size)
        {
            _slots = new int[size];
            _hashes = new int[limit];
            _values = new ReadOnlyMemory<char>[limit];
        }
        else
        {
            Array.Clear(_slots, 0, size);
            Array.Clear(_values, 0, Count);
            if (_hashes.Length < limit)
            {
                _hashes = new int[limit];
                _values = new ReadOnlyMemory<char>[limit];
            }
        }
        _mask = size - 1;
        Count = 0;
    }

    /// <summary>The value's index, added when new; -1 when it would be one distinct value over the limit.</summary>
    public int IndexOf(ReadOnlyMemory<char> value)
    {
        var span = value.Span;
        var hash = Hash(span);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
                break;
            if (_hashes[entry] == hash && _values[entry].Span.SequenceEqual(span))
                return entry;
            slot = (slot + 1) & _mask;
        }
        if (Count == _limit)
            return -1;
        _hashes[Count] = hash;
        _values[Count] = value;
        _slots[slot] = ++Count;
        return Count - 1;
    }

    /// <summary>Drops the references to the chunk's text so the buffers holding it can be reused.</summary>
    public void Release() => Array.Clear(_values, 0, Count);

    private static int Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            hash = Mix(hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (var k = 0; i + k < bytes.Length; k++)
                tail |= (ulong)Unsafe.Add(ref start, i + k) << (8 * k);
            hash = Mix(hash ^ tail);
        }
        return (int)(hash ^ (hash >> 32));
    }

    private static ulong Mix(ulong value)
    {
        value *= 0x9E3779B97F4A7C15UL;
        return value ^ (value >> 29);
    }
}
