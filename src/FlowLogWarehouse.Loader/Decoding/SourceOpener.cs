using System.IO.Compression;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// Opens a source as decompressed bytes: gzip is recognised by its magic bytes (1f 8b), never by name.
/// Stdin can be read only once, so the raw bytes a probe consumed are kept and replayed by the real read.
/// </summary>
internal sealed class SourceOpener
{
    private MemoryStream? _stdinConsumed;
    private Stream? _stdin;

    public Stream Open(SourceFile source, bool forProbe)
    {
        if (!source.IsStdin)
            return Decode(source.Open());

        _stdin ??= source.Open();
        var consumed = _stdinConsumed;
        _stdinConsumed = null;
        Stream raw = consumed is null ? new KeepOpen(_stdin) : new PrefixStream(consumed.GetBuffer(), (int)consumed.Length, new KeepOpen(_stdin));
        if (forProbe)
        {
            if (consumed is not null)
                throw new InvalidOperationException("stdin was probed twice.");
            _stdinConsumed = new MemoryStream();
            raw = new TeeStream(raw, _stdinConsumed);
        }
        return Decode(raw);
    }

    private static Stream Decode(Stream raw)
    {
        var head = new byte[2];
        var length = 0;
        while (length < 2)
        {
            var n = raw.Read(head, length, 2 - length);
            if (n == 0)
                break;
            length += n;
        }
        Stream stream = new PrefixStream(head, length, raw);
        return length == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Copies every byte read, so a probe of stdin can be replayed.</summary>
    private sealed class TeeStream(Stream inner, Stream copy) : ReadOnlyStreamBase
    {
        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            copy.Write(buffer[..n]);
            return n;
        }
    }

    private sealed class KeepOpen(Stream inner) : ReadOnlyStreamBase
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
    }
}
