using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>One column of the row group being rendered as flow log text: its values, and which rows are null.</summary>
internal abstract class ParquetColumnText : IDisposable
{
    private int[] _definitions = [];
    private int _row;
    private int _next;

    private ParquetColumnText(DataField field) => Field = field;

    public DataField Field { get; }

    /// <summary>The reader for a top-level column of AWS's physical types; any other column fails the source.</summary>
    public static ParquetColumnText For(DataField field)
    {
        // Subclasses of DataField carry dates, times and decimals, whose stored integers are not what the column means.
        if (field.GetType() == typeof(DataField) && !field.IsArray && field.MaxRepetitionLevel == 0)
        {
            if (field.ClrType == typeof(int))
                return new Numbers<int>(field);
            if (field.ClrType == typeof(long))
                return new Numbers<long>(field);
            if (field.ClrType == typeof(ReadOnlyMemory<char>))
                return new Strings(field);
        }
        var type = field.IsArray ? "a list" : field.GetType() == typeof(DataField) ? field.ClrType.Name : field.GetType().Name.Replace("DataField", "");
        throw new ParquetSourceException($"not a flow log Parquet file: column '{field.Name}' is {type}; flow log columns are int32, int64 or string");
    }

    public async Task ReadAsync(ParquetRowGroupReader group, int rows)
    {
        // A chunk with fewer values than rows would leave the rest of the buffers stale rather than fail.
        var values = group.GetMetadata(Field)?.MetaData?.NumValues;
        if (values != rows)
            throw new ParquetSourceException($"not readable as Parquet (corrupt or truncated): column '{Field.Name}' has {values?.ToString(CultureInfo.InvariantCulture) ?? "no"} values in a row group of {rows} rows");
        Memory<int>? definitions = null;
        if (Field.MaxDefinitionLevel > 0)
            definitions = Rent(ref _definitions, rows);
        await ReadValuesAsync(group, rows, definitions);
        _row = 0;
        _next = 0;
    }

    /// <summary>Writes the next row's value, '-' for null; false when a text value could not be one token (see <see cref="Strings"/>).</summary>
    public bool WriteNext(IBufferWriter<byte> text)
    {
        var row = _row++;
        if (Field.MaxDefinitionLevel > 0 && _definitions[row] == 0)
        {
            text.Write("-"u8);
            return true;
        }
        return WriteValue(text, _next++);
    }

    protected abstract Task ReadValuesAsync(ParquetRowGroupReader group, int rows, Memory<int>? definitions);

    protected abstract bool WriteValue(IBufferWriter<byte> text, int index);

    public virtual void Dispose() => Return(_definitions);

    private static Memory<T> Rent<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Return(array);
            array = ArrayPool<T>.Shared.Rent(length);
        }
        return array.AsMemory(0, length);
    }

    private static void Return<T>(T[] array)
    {
        if (array.Length > 0)
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    private sealed class Numbers<T>(DataField field) : ParquetColumnText(field) where T : struct, IUtf8SpanFormattable
    {
        private T[] _values = [];

        protected override async Task ReadValuesAsync(ParquetRowGroupReader group, int rows, Memory<int>? definitions) =>
            await group.ReadRawAsync(Field, Rent(ref _values, rows), definitions, null);

        protected override bool WriteValue(IBufferWriter<byte> text, int index)
        {
            _values[index].TryFormat(text.GetSpan(24), out var written, default, CultureInfo.InvariantCulture);
            text.Advance(written);
            return true;
        }

        public override void Dispose()
        {
            Return(_values);
            base.Dispose();
        }
    }

    /// <summary>
    /// Text as UTF-8. A value that is empty or holds a space, tab, CR or LF cannot be one token of a line: written
    /// as it is it would merge with or split into neighbouring fields, and a line break would even make an extra
    /// line, shifting every later line number off its row. So such a value is written as <c>""</c>, or with those
    /// characters as <c>\xHH</c> escapes, and reported, so the row gets a marker that makes the parser quarantine it.
    /// Other control characters are ordinary value bytes, as they are in a text file.
    /// </summary>
    private sealed class Strings(DataField field) : ParquetColumnText(field)
    {
        private static readonly SearchValues<char> Breaks = SearchValues.Create(" \t\r\n");
        private ReadOnlyMemory<char>[] _values = [];

        protected override async Task ReadValuesAsync(ParquetRowGroupReader group, int rows, Memory<int>? definitions)
        {
            // Let go of the last row group's text before this one's is read: one row group in memory at a time.
            Array.Clear(_values);
            await group.ReadRawAsync(Field, Rent(ref _values, rows), definitions, null);
        }

        protected override bool WriteValue(IBufferWriter<byte> text, int index)
        {
            var value = _values[index].Span;
            if (value.IsEmpty)
            {
                text.Write("\"\""u8);
                return false;
            }
            var whole = true;
            while (true)
            {
                var at = value.IndexOfAny(Breaks);
                var run = at < 0 ? value : value[..at];
                text.Advance(Encoding.UTF8.GetBytes(run, text.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length))));
                if (at < 0)
                    return whole;
                text.Write(Encoding.ASCII.GetBytes($"\\x{(int)value[at]:X2}"));
                value = value[(at + 1)..];
                whole = false;
            }
        }

        public override void Dispose()
        {
            Return(_values);
            base.Dispose();
        }
    }
}
