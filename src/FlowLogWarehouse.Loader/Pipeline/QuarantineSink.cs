using System.Text;
using System.Text.Json;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>Appends bad lines as JSON lines to the batch's staged quarantine file; shared by the parsing threads.</summary>
internal sealed class QuarantineSink(string path) : IDisposable
{
    private readonly Lock _gate = new();
    private FileStream? _stream;
    private Utf8JsonWriter? _writer;
    private readonly List<QuarantineEntry> _first = [];

    public long Count { get; private set; }

    public string Path => path;

    /// <summary>The first few entries, for the load's log.</summary>
    public IReadOnlyList<QuarantineEntry> First => _first;

    public void Add(IReadOnlyList<QuarantineEntry> entries)
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
                _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            }
            foreach (var e in entries)
            {
                if (_first.Count < 10)
                    _first.Add(e);
                _writer.WriteStartObject();
                _writer.WriteString("source", e.Source);
                if (e.Line is { } line)
                    _writer.WriteNumber("line", line);
                else
                    _writer.WriteNull("line");
                if (e.Event is { } ev)
                    _writer.WriteNumber("event", ev);
                _writer.WriteString("field", e.Field);
                _writer.WriteString("value", e.Value);
                _writer.WriteString("reason", e.Reason);
                _writer.WriteString("raw", e.Raw);
                if (e.RawBase64 is not null)
                    _writer.WriteString("raw_base64", e.RawBase64);
                _writer.WriteEndObject();
                _writer.Flush();
                _stream!.WriteByte((byte)'\n');
                _writer.Reset();
                Count++;
            }
        }
    }

    /// <summary>Closes the file (durably); true when anything was quarantined.</summary>
    public bool Complete()
    {
        lock (_gate)
        {
            if (_stream is null)
                return false;
            _writer!.Dispose();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            _stream = null;
            return true;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _stream?.Dispose();
    }

    internal static (string Raw, string? Base64) RawText(ReadOnlySpan<byte> line) =>
        System.Text.Unicode.Utf8.IsValid(line)
            ? (Encoding.UTF8.GetString(line), null)
            : (Encoding.UTF8.GetString(line), Convert.ToBase64String(line));
}
