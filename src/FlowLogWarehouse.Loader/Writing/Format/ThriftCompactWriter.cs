using System.Text;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// The part of Thrift's compact protocol that Parquet's footer and page headers need: structs, i8/i32/i64, bool,
/// binary and lists. Field ids are written as deltas from the previous field of the same struct.
/// </summary>
internal sealed class ThriftCompactWriter(PageBuffer output)
{
    private const byte True = 1, False = 2, Byte = 3, I32Type = 5, I64Type = 6, BinaryType = 8, ListType = 9;
    private const byte StructType = 12;

    /// <summary>Element types for <see cref="ListField"/>.</summary>
    public const byte ListOfI32 = I32Type, ListOfBinary = BinaryType, ListOfStructs = StructType;

    private readonly Stack<short> _outer = new();
    private short _last;

    /// <summary>Starts a struct: the file's top-level one, a list element, or (after <see cref="StructField"/>) a field's.</summary>
    public void BeginStruct()
    {
        _outer.Push(_last);
        _last = 0;
    }

    public void EndStruct()
    {
        output.WriteByte(0);
        _last = _outer.Pop();
    }

    public void StructField(short id)
    {
        FieldHeader(id, StructType);
        BeginStruct();
    }

    public void I8(short id, sbyte value)
    {
        FieldHeader(id, Byte);
        output.WriteByte((byte)value);
    }

    public void I32(short id, int value)
    {
        FieldHeader(id, I32Type);
        output.WriteVarint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        FieldHeader(id, I64Type);
        output.WriteVarint(ZigZag(value));
    }

    public void Bool(short id, bool value) => FieldHeader(id, value ? True : False);

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, BinaryType);
        BinaryElement(value);
    }

    public void String(short id, string value) => Binary(id, Encoding.UTF8.GetBytes(value));

    public void ListField(short id, byte elementType, int count)
    {
        FieldHeader(id, ListType);
        if (count < 15)
        {
            output.WriteByte((byte)(count << 4 | elementType));
        }
        else
        {
            output.WriteByte((byte)(0xF0 | elementType));
            output.WriteVarint((ulong)count);
        }
    }

    public void I32Element(int value) => output.WriteVarint(ZigZag(value));

    public void BinaryElement(ReadOnlySpan<byte> value)
    {
        output.WriteVarint((ulong)value.Length);
        output.Write(value);
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _last;
        if (delta is > 0 and <= 15)
        {
            output.WriteByte((byte)(delta << 4 | type));
        }
        else
        {
            output.WriteByte(type);
            output.WriteVarint(ZigZag(id));
        }
        _last = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
