using System.Buffers;
using System.Text;
using FlowLogWarehouse.Core.Formats;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// A Parquet flow log file (AWS's Parquet delivery) read as flow log text, so the line parser validates and accounts
/// its rows exactly as it does lines: a line per row, the values in column order separated by single spaces, null as
/// '-'. There is no header line: the columns give <see cref="Format"/>, and line N is row N. One row group is in
/// memory at a time.
/// </summary>
internal sealed class ParquetTextStream : ReadOnlyStreamBase
{
    private const int RenderBytes = 64 * 1024;

    /// <summary>
    /// Ends a row holding a text value that could not be one token (written escaped, see
    /// <see cref="ParquetColumnText"/>): one field too many, so the row is quarantined for its field count and its raw
    /// text shows why, rather than loaded with values shifted between columns.
    /// </summary>
    private static ReadOnlySpan<byte> NotOneTokenMarker => " [text-value-empty-or-with-whitespace]"u8;

    // Some writers store text as plain byte arrays without marking it UTF-8.
    private static readonly ParquetOptions ReadOptions = new() { TreatByteArrayAsString = true };

    private readonly Stream _file;
    private readonly bool _leaveOpen;
    private readonly ParquetReader _reader;
    private readonly ParquetColumnText[] _columns;
    private readonly ArrayBufferWriter<byte> _text = new(RenderBytes * 2);
    private int _served;
    private int _nextGroup;
    private long _rowsLeft;

    private ParquetTextStream(Stream file, bool leaveOpen, ParquetReader reader, ParquetColumnText[] columns, FlowLogFormat format)
    {
        _file = file;
        _leaveOpen = leaveOpen;
        _reader = reader;
        _columns = columns;
        Format = format;
    }

    /// <summary>The file's columns as flow log fields: names with '_' read as '-', unknown ones kept as text.</summary>
    public FlowLogFormat Format { get; }

    /// <summary>Reads the footer of a seekable Parquet file; throws <see cref="ParquetSourceException"/> when it cannot be loaded.</summary>
    public static ParquetTextStream Open(Stream file, bool leaveOpen)
    {
        ParquetColumnText[] columns = [];
        try
        {
            // The stream is ours to close, so the reader needs no disposing.
            var reader = Guard(() => ParquetReader.CreateAsync(file, ReadOptions, leaveStreamOpen: true).GetAwaiter().GetResult());
            var fields = Guard(() => reader.Schema.Fields);
            columns = fields.Select(f => f is DataField data
                ? ParquetColumnText.For(data)
                : throw new ParquetSourceException($"not a flow log Parquet file: column '{f.Name}' is a nested {f.SchemaType.ToString().ToLowerInvariant()}")).ToArray();
            return new ParquetTextStream(file, leaveOpen, reader, columns, FormatOf(fields));
        }
        catch
        {
            foreach (var column in columns)
                column.Dispose();
            if (!leaveOpen)
                file.Dispose();
            throw;
        }
    }

    /// <summary>Through the header parser, so a column the catalog lacks is kept as text exactly as a header field would be.</summary>
    private static FlowLogFormat FormatOf(IReadOnlyList<Field> fields)
    {
        var names = fields.Select(f => f.Name.Replace('_', '-')).ToList();
        if (FlowLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(string.Join(' ', names)), out var format) && format.Fields.Count == names.Count)
            return format;
        throw new ParquetSourceException(
            $"not a flow log Parquet file: its columns ({string.Join(", ", fields.Select(f => f.Name))}) are not flow log fields " +
            "(field names with '_' for '-', such as account_id, at least one of them known, none twice)");
    }

    public override int Read(Span<byte> buffer)
    {
        while (_served == _text.WrittenCount)
        {
            _text.ResetWrittenCount();
            _served = 0;
            if (!RenderRows())
                return 0;
        }
        var n = Math.Min(buffer.Length, _text.WrittenCount - _served);
        _text.WrittenSpan.Slice(_served, n).CopyTo(buffer);
        _served += n;
        return n;
    }

    /// <summary>Renders rows until about <see cref="RenderBytes"/> are waiting; false at the end of the file.</summary>
    private bool RenderRows()
    {
        while (_rowsLeft == 0)
        {
            if (_nextGroup == _reader.RowGroupCount)
                return false;
            var group = _reader.OpenRowGroupReader(_nextGroup++);
            _rowsLeft = Guard(() =>
            {
                var rows = checked((int)group.RowCount);
                foreach (var column in _columns)
                    column.ReadAsync(group, rows).GetAwaiter().GetResult();
                return rows;
            });
        }
        while (_rowsLeft > 0 && _text.WrittenCount < RenderBytes)
        {
            var whole = true;
            for (var c = 0; c < _columns.Length; c++)
            {
                if (c > 0)
                    _text.Write(" "u8);
                whole &= _columns[c].WriteNext(_text);
            }
            if (!whole)
                _text.Write(NotOneTokenMarker);
            _text.Write("\n"u8);
            _rowsLeft--;
        }
        return true;
    }

    /// <summary>
    /// Runs a Parquet.Net call. A damaged file surfaces from it as almost any exception (I/O, Thrift, decompression,
    /// index and argument errors), so all of them become the source's failure rather than the load's.
    /// </summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (OperationCanceledException or ParquetSourceException))
        {
            throw new ParquetSourceException($"not readable as Parquet (corrupt or truncated): {e.Message}", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var column in _columns)
                column.Dispose();
            if (!_leaveOpen)
                _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
