using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlowLogWarehouse.Core.Parsing;

/// <summary>
/// Add-only intern pool of short ASCII strings keyed on their UTF-8 bytes, so that repeated values (ENI ids, IP
/// addresses, account ids) cost one string, made on first sighting. Bounded: once full it answers misses with
/// false and the caller stores the value elsewhere. Not thread-safe: one per column per parsing thread.
/// </summary>
public sealed class Utf8StringPool
{
    private readonly int _maxEntries;
    private readonly int _maxLength;
    private int[] _buckets;
    private Entry[] _entries;
    private int _count;
    private string? _last;

    private struct Entry
    {
        public uint Hash;
        public int Next;
        public string Value;
    }

    public Utf8StringPool(int maxEntries = 65_536, int maxLength = 96)
    {
        _maxEntries = maxEntries;
        _maxLength = maxLength;
        _buckets = new int[256];
        _entries = new Entry[256];
    }

    public int Count => _count;

    /// <summary>The pooled string equal to <paramref name="utf8"/>, adding it when there is room.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        var last = _last;
        if (last is not null && last.Length == utf8.Length && Ascii.Equals(utf8, last))
        {
            value = last;
            return true;
        }
        if (utf8.Length > _maxLength || !Ascii.IsValid(utf8))
        {
            value = null!;
            return false;
        }
        var hash = Hash(utf8);
        var mask = _buckets.Length - 1;
        for (var i = _buckets[hash & mask] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var e = ref _entries[i];
            if (e.Hash == hash && e.Value.Length == utf8.Length && Ascii.Equals(utf8, e.Value))
            {
                _last = value = e.Value;
                return true;
            }
        }
        if (_count >= _maxEntries)
        {
            value = null!;
            return false;
        }
        _last = value = Add(utf8, hash);
        return true;
    }

    private string Add(ReadOnlySpan<byte> utf8, uint hash)
    {
        if (_count == _entries.Length)
            Grow();
        var s = Encoding.ASCII.GetString(utf8);
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry { Hash = hash, Next = bucket - 1, Value = s };
        bucket = ++_count;
        return s;
    }

    private void Grow()
    {
        var size = _entries.Length * 2;
        Array.Resize(ref _entries, size);
        _buckets = new int[size];
        for (var i = 0; i < _count; i++)
        {
            ref var bucket = ref _buckets[_entries[i].Hash & (size - 1)];
            _entries[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        ulong h = (ulong)s.Length * 0x9E3779B97F4A7C15;
        while (s.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(s)) * 0xC2B2AE3D27D4EB4F, 29);
            s = s[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < s.Length; i++)
            tail |= (ulong)s[i] << (8 * i);
        h = (h ^ tail) * 0x165667B19E3779F9;
        return (uint)(h ^ (h >> 32));
    }
}
