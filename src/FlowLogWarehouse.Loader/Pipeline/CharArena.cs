using System.Buffers;
using System.Text;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// Text of values too rare to intern, copied into large pooled char blocks so a unique value costs no object.
/// Lives as long as the row buffer that points into it.
/// </summary>
internal sealed class CharArena
{
    // Blocks grow from small to large, so the arena of a buffer holding a handful of rows stays small.
    private const int FirstBlockChars = 1024;
    private const int MaxBlockChars = 32 * 1024;
    private readonly List<char[]> _blocks = [];
    private char[]? _current;
    private int _used;

    public long RetainedBytes { get; private set; }

    public ReadOnlyMemory<char> Copy(ReadOnlySpan<byte> utf8)
    {
        var ascii = Ascii.IsValid(utf8);
        var need = ascii ? utf8.Length : Encoding.UTF8.GetCharCount(utf8);
        if (_current is null || _current.Length - _used < need)
            NewBlock(need);
        var destination = _current.AsSpan(_used, need);
        if (ascii)
            Ascii.ToUtf16(utf8, destination, out _);
        else
            Encoding.UTF8.GetChars(utf8, destination);
        var memory = new ReadOnlyMemory<char>(_current, _used, need);
        _used += need;
        return memory;
    }

    private void NewBlock(int need)
    {
        var size = _current is null ? FirstBlockChars : Math.Min(_current.Length * 2, MaxBlockChars);
        _current = ArrayPool<char>.Shared.Rent(Math.Max(size, need));
        _blocks.Add(_current);
        RetainedBytes += _current.Length * sizeof(char);
        _used = 0;
    }

    /// <summary>Takes over <paramref name="other"/>'s blocks, whose text rows of this arena's buffer now point to.</summary>
    public void Adopt(CharArena other)
    {
        // Keep writing into this arena's current block; the adopted ones are only read from now on.
        _blocks.AddRange(other._blocks);
        RetainedBytes += other.RetainedBytes;
        other._blocks.Clear();
        other._current = null;
        other._used = 0;
        other.RetainedBytes = 0;
    }

    public void Release()
    {
        foreach (var block in _blocks)
            ArrayPool<char>.Shared.Return(block);
        _blocks.Clear();
        _current = null;
        _used = 0;
        RetainedBytes = 0;
    }
}
