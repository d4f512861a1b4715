using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>A column of a file: its name and catalog type, written as an optional INT32, INT64 or UTF-8 BYTE_ARRAY.</summary>
internal sealed record ParquetColumn(string Name, FieldType Type)
{
    public PhysicalType Physical => Type switch
    {
        FieldType.Int32 => PhysicalType.Int32,
        FieldType.Int64 => PhysicalType.Int64,
        _ => PhysicalType.ByteArray,
    };
}

/// <summary>
/// Writes one Parquet file of flat optional columns: the magic, then row groups of column chunks (an optional
/// dictionary page and one data page each, Zstandard-compressed, v1 page headers), then the Thrift footer. The schema
/// annotations are those AWS's own Parquet delivery carries: INT_32/INT_64 with signed integer logical types, UTF8 with
/// the string logical type.
/// </summary>
internal sealed class ParquetFileWriter(Stream stream, IReadOnlyList<ParquetColumn> columns)
{
    private const string CreatedBy = "flowlogs (FlowLogWarehouse)";
    private const int CompressionZstd = 6;
    private const int PageTypeData = 0, PageTypeDictionary = 2;
    private const int Optional = 1;

    private readonly List<RowGroupMeta> _rowGroups = [];
    private List<ChunkMeta>? _chunks;
    private int _rowGroupRows;
    private long _position = -1;

    public IReadOnlyList<ParquetColumn> Columns => columns;

    public long Rows { get; private set; }

    public void BeginRowGroup(int rows)
    {
        WriteMagicOnce();
        _chunks = new List<ChunkMeta>(columns.Count);
        _rowGroupRows = rows;
    }

    /// <summary>
    /// Writes a column chunk of the current row group, columns in schema order: the dictionary page when the data page's
    /// encoding is <see cref="PageEncoding.PlainDictionary"/>, then the data page (levels and values, uncompressed).
    /// </summary>
    public void WriteChunk(PageEncoding encoding, int dictionaryValues, ReadOnlySpan<byte> dictionaryPage, ReadOnlySpan<byte> dataPage,
        ChunkStatistics statistics, ChunkScratch scratch)
    {
        var chunks = _chunks ?? throw new InvalidOperationException("No row group is open.");
        var column = columns[chunks.Count];
        var start = _position;
        long? dictionaryOffset = null;
        var sizes = (Compressed: 0L, Uncompressed: 0L);
        if (encoding == PageEncoding.PlainDictionary)
        {
            dictionaryOffset = _position;
            sizes = Add(sizes, WritePage(PageTypeDictionary, dictionaryValues, PageEncoding.PlainDictionary, dictionaryPage, scratch));
        }
        var dataOffset = _position;
        sizes = Add(sizes, WritePage(PageTypeData, _rowGroupRows, encoding, dataPage, scratch));
        var encodings = encoding == PageEncoding.Plain ? new[] { PageEncoding.Plain, PageEncoding.Rle } : [encoding, PageEncoding.Rle];
        chunks.Add(new ChunkMeta(column, start, dataOffset, dictionaryOffset, encodings, sizes.Compressed, sizes.Uncompressed, statistics));
    }

    public void EndRowGroup()
    {
        var chunks = _chunks ?? throw new InvalidOperationException("No row group is open.");
        if (chunks.Count != columns.Count)
            throw new InvalidOperationException($"Row group has {chunks.Count} of {columns.Count} column chunks.");
        _rowGroups.Add(new RowGroupMeta(chunks, _rowGroupRows));
        Rows += _rowGroupRows;
        _chunks = null;
    }

    /// <summary>Writes the footer. A file without row groups still gets a valid empty file.</summary>
    public void Finish(ChunkScratch scratch)
    {
        WriteMagicOnce();
        var footer = scratch.Data;
        footer.Clear();
        WriteFileMetadata(new ThriftCompactWriter(footer));
        footer.WriteInt32LittleEndian(footer.Length);
        footer.Write("PAR1"u8);
        stream.Write(footer.Written);
        _position += footer.Length;
    }

    private void WriteMagicOnce()
    {
        if (_position >= 0)
            return;
        stream.Write("PAR1"u8);
        _position = 4;
    }

    private static (long, long) Add((long Compressed, long Uncompressed) sizes, (long Compressed, long Uncompressed) page) =>
        (sizes.Compressed + page.Compressed, sizes.Uncompressed + page.Uncompressed);

    private (long Compressed, long Uncompressed) WritePage(int type, int values, PageEncoding encoding, ReadOnlySpan<byte> page, ChunkScratch scratch)
    {
        var compressed = scratch.Compress(page);
        var header = scratch.Header;
        header.Clear();
        var thrift = new ThriftCompactWriter(header);
        thrift.BeginStruct();
        thrift.I32(1, type);
        thrift.I32(2, page.Length);
        thrift.I32(3, compressed.Length);
        if (type == PageTypeData)
        {
            thrift.StructField(5);
            thrift.I32(1, values);
            thrift.I32(2, (int)encoding);
            thrift.I32(3, (int)PageEncoding.Rle);
            thrift.I32(4, (int)PageEncoding.Rle);
            thrift.EndStruct();
        }
        else
        {
            thrift.StructField(7);
            thrift.I32(1, values);
            thrift.I32(2, (int)encoding);
            thrift.EndStruct();
        }
        thrift.EndStruct();
        stream.Write(header.Written);
        stream.Write(compressed);
        _position += header.Length + compressed.Length;
        return (header.Length + compressed.Length, header.Length + page.Length);
    }

    private void WriteFileMetadata(ThriftCompactWriter thrift)
    {
        thrift.BeginStruct();
        thrift.I32(1, 1);
        thrift.ListField(2, ThriftCompactWriter.ListOfStructs, columns.Count + 1);
        thrift.BeginStruct();
        thrift.String(4, "schema");
        thrift.I32(5, columns.Count);
        thrift.EndStruct();
        foreach (var column in columns)
            WriteSchemaElement(thrift, column);
        thrift.I64(3, Rows);
        thrift.ListField(4, ThriftCompactWriter.ListOfStructs, _rowGroups.Count);
        foreach (var rowGroup in _rowGroups)
            WriteRowGroup(thrift, rowGroup);
        thrift.String(6, CreatedBy);
        // Type-defined order: readers may trust min_value/max_value (unsigned byte order for text).
        thrift.ListField(7, ThriftCompactWriter.ListOfStructs, columns.Count);
        foreach (var _ in columns)
        {
            thrift.BeginStruct();
            thrift.StructField(1);
            thrift.EndStruct();
            thrift.EndStruct();
        }
        thrift.EndStruct();
    }

    private static void WriteSchemaElement(ThriftCompactWriter thrift, ParquetColumn column)
    {
        thrift.BeginStruct();
        thrift.I32(1, (int)column.Physical);
        thrift.I32(3, Optional);
        thrift.String(4, column.Name);
        thrift.I32(6, (int)(column.Physical switch
        {
            PhysicalType.Int32 => ConvertedType.Int32,
            PhysicalType.Int64 => ConvertedType.Int64,
            _ => ConvertedType.Utf8,
        }));
        thrift.StructField(10);
        if (column.Physical == PhysicalType.ByteArray)
        {
            thrift.StructField(1);
        }
        else
        {
            thrift.StructField(10);
            thrift.I8(1, column.Physical == PhysicalType.Int32 ? (sbyte)32 : (sbyte)64);
            thrift.Bool(2, true);
        }
        thrift.EndStruct();
        thrift.EndStruct();
        thrift.EndStruct();
    }

    private static void WriteRowGroup(ThriftCompactWriter thrift, RowGroupMeta rowGroup)
    {
        thrift.BeginStruct();
        thrift.ListField(1, ThriftCompactWriter.ListOfStructs, rowGroup.Chunks.Count);
        foreach (var chunk in rowGroup.Chunks)
            WriteColumnChunk(thrift, chunk, rowGroup.Rows);
        thrift.I64(2, rowGroup.Chunks.Sum(c => c.Uncompressed));
        thrift.I64(3, rowGroup.Rows);
        thrift.I64(5, rowGroup.Chunks[0].Start);
        thrift.I64(6, rowGroup.Chunks.Sum(c => c.Compressed));
        thrift.EndStruct();
    }

    private static void WriteColumnChunk(ThriftCompactWriter thrift, ChunkMeta chunk, int rows)
    {
        thrift.BeginStruct();
        thrift.I64(2, chunk.Start);
        thrift.StructField(3);
        thrift.I32(1, (int)chunk.Column.Physical);
        thrift.ListField(2, ThriftCompactWriter.ListOfI32, chunk.Encodings.Length);
        foreach (var encoding in chunk.Encodings)
            thrift.I32Element((int)encoding);
        thrift.ListField(3, ThriftCompactWriter.ListOfBinary, 1);
        thrift.BinaryElement(System.Text.Encoding.UTF8.GetBytes(chunk.Column.Name));
        thrift.I32(4, CompressionZstd);
        thrift.I64(5, rows);
        thrift.I64(6, chunk.Uncompressed);
        thrift.I64(7, chunk.Compressed);
        thrift.I64(9, chunk.DataOffset);
        if (chunk.DictionaryOffset is { } dictionaryOffset)
            thrift.I64(11, dictionaryOffset);
        WriteStatistics(thrift, chunk.Column, chunk.Statistics);
        thrift.EndStruct();
        thrift.EndStruct();
    }

    private static void WriteStatistics(ThriftCompactWriter thrift, ParquetColumn column, ChunkStatistics statistics)
    {
        thrift.StructField(12);
        // The deprecated min/max are right for signed integers only; readers of old files still look for them there.
        if (column.Physical != PhysicalType.ByteArray && statistics.Min is { } oldMin && statistics.Max is { } oldMax)
        {
            thrift.Binary(1, oldMax);
            thrift.Binary(2, oldMin);
        }
        thrift.I64(3, statistics.NullCount);
        if (statistics.Min is { } min && statistics.Max is { } max)
        {
            thrift.Binary(5, max);
            thrift.Binary(6, min);
        }
        thrift.EndStruct();
    }

    private sealed record ChunkMeta(
        ParquetColumn Column, long Start, long DataOffset, long? DictionaryOffset, PageEncoding[] Encodings,
        long Compressed, long Uncompressed, ChunkStatistics Statistics);

    private sealed record RowGroupMeta(List<ChunkMeta> Chunks, int Rows);
}
