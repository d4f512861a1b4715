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
/// <remarks>
/// Open addressing over a table of (hash, entry) pairs, and each entry's bytes kept side by side in one array: a lookup
/// reads a slot and compares bytes with bytes, and touches the string only to return it. (Chained entries compared
/// against the strings themselves cost three scattered reads and a byte-to-char compare per lookup, ~80 ns.) Only
/// values being added are checked for ASCII: bytes equal to an added value's are ASCII too.
/// </remarks>
public sealed class Utf8StringPool
{
    private readonly int _maxEntries;
    private readonly int _maxLength;
    private ulong[] _slots;      // 0 = empty, else hash << 32 | (entry + 1); kept at most half full
    private int[] _starts;       // entry i's bytes are _bytes[_starts[i] .. _starts[i + 1])
    private string[] _values;
    private byte[] _bytes;
    private int _count;
    private int _last = -1;      // the entry found or added last: runs of one value skip the hash

    public Utf8StringPool(int maxEntries = 65_536, int maxLength = 96)
    {
        _maxEntries = maxEntries;
        _maxLength = maxLength;
        _slots = new ulong[512];
        _starts = new int[257];
        _values = new string[256];
        _bytes = new byte[4096];
    }

    public int Count => _count;

    /// <summary>The pooled string equal to <paramref name="utf8"/>, adding it when there is room.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        var last = _last;
        if (last >= 0 && utf8.SequenceEqual(BytesOf(last)))
        {
            value = _values[last];
            return true;
        }
        if (utf8.Length > _maxLength)
        {
            value = null!;
            return false;
        }
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        var i = (int)hash & mask;
        for (var slot = _slots[i]; slot != 0; slot = _slots[i = (i + 1) & mask])
        {
            if ((uint)(slot >> 32) != hash)
                continue;
            var entry = (int)(uint)slot - 1;
            if (utf8.SequenceEqual(BytesOf(entry)))
            {
                _last = entry;
                value = _values[entry];
                return true;
            }
        }
        if (_count >= _maxEntries || !Ascii.IsValid(utf8))
        {
            value = null!;
            return false;
        }
        _slots[i] = (ulong)hash << 32 | (uint)(_count + 1);
        value = Add(utf8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> BytesOf(int entry) => _bytes.AsSpan(_starts[entry], _starts[entry + 1] - _starts[entry]);

    /// <summary>Stores a new entry whose slot is already set; grows the table past half full.</summary>
    private string Add(ReadOnlySpan<byte> utf8)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _count * 2);
            Array.Resize(ref _starts, _count * 2 + 1);
        }
        var at = _starts[_count];
        if (_bytes.Length - at < utf8.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, at + utf8.Length));
        utf8.CopyTo(_bytes.AsSpan(at));
        var s = Encoding.ASCII.GetString(utf8);
        _values[_count] = s;
        _last = _count;
        _starts[++_count] = at + utf8.Length;
        if (_count * 2 > _slots.Length)
            Rehash(_slots.Length * 2);
        return s;
    }

    private void Rehash(int size)
    {
        var slots = new ulong[size];
        var mask = size - 1;
        foreach (var slot in _slots)
        {
            if (slot == 0)
                continue;
            var i = (int)(slot >> 32) & mask;
            while (slots[i] != 0)
                i = (i + 1) & mask;
            slots[i] = slot;
        }
        _slots = slots;
    }

    /// <summary>8 bytes at a time; the last 8 are read overlapping rather than byte by byte (IPs, ids are 7-21 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        ulong h = (ulong)s.Length * 0x9E3779B97F4A7C15;
        if (s.Length >= 8)
        {
            var i = 0;
            for (; i + 8 <= s.Length; i += 8)
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s[i..]));
            if (i < s.Length)
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]));
        }
        else if (s.Length >= 4)
        {
            h = Mix(h, BinaryPrimitives.ReadUInt32LittleEndian(s) | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]) << 32);
        }
        else
        {
            ulong tail = 0;
            for (var i = 0; i < s.Length; i++)
                tail |= (ulong)s[i] << (8 * i);
            h = Mix(h, tail);
        }
        h *= 0x165667B19E3779F9;
        return (uint)(h ^ (h >> 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong v) => BitOperations.RotateLeft((h ^ v) * 0xC2B2AE3D27D4EB4F, 29);
}
