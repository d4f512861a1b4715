using System.Buffers.Binary;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// A growable byte buffer for one page (or one footer) at a time: a writer builds every page of every row group in the
/// same few buffers instead of allocating a stream per column chunk. It keeps its largest array; not from the shared
/// pool, whose per-core caches kept more and more large arrays as writers moved between threads.
/// </summary>
internal sealed class PageBuffer(int capacity = 64 << 10)
{
    private byte[] _data = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Advance(int count) => Length += count;

    /// <summary>Room for at least <paramref name="sizeHint"/> more bytes; <see cref="Advance"/> counts what was written.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _data.AsSpan(Length);
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _data[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>Overwrites four bytes already written (a length prefix known only afterwards).</summary>
    public void PatchInt32LittleEndian(int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(offset), value);

    /// <summary>An unsigned LEB128 varint, as Thrift's compact protocol and Parquet's encodings write lengths and headers.</summary>
    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _data[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _data[Length++] = (byte)value;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _data.Length)
            return;
        var larger = new byte[Math.Max(Length + more, _data.Length * 2)];
        _data.AsSpan(0, Length).CopyTo(larger);
        _data = larger;
    }
}
