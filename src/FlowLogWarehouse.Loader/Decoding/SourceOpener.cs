using System.IO.Compression;
using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// Opens a source as decompressed bytes: gzip is recognised by its magic bytes (1f 8b), never by name.
/// Stdin can be read only once, so the raw bytes a probe consumed are kept and replayed by the real read. S3 objects
/// are probed from their head (<see cref="S3ObjectReader.OpenHeadAsync"/>) and read through the batch's prefetch.
/// </summary>
internal sealed class SourceOpener(S3ObjectReader? s3 = null)
{
    private MemoryStream? _stdinConsumed;
    private Stream? _stdin;
    private S3Prefetch? _prefetch;

    public S3ObjectReader? S3 => s3;

    /// <summary>Starts downloading a batch's S3 sources in the order they will be read; disposing stops it.</summary>
    public IDisposable BeginBatch(IReadOnlyList<SourceFile> order, CancellationToken cancellationToken)
    {
        if (s3 is null || !order.Any(s => s.IsS3))
            return new Ended(this);
        _prefetch = s3.Prefetch(order, cancellationToken);
        return new Ended(this);
    }

    public Stream Open(SourceFile source, bool forProbe)
    {
        if (source.IsS3)
            return Decode((_prefetch ?? throw new InvalidOperationException("S3 sources are read within BeginBatch.")).Take(source));
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

    internal static Stream Decode(Stream raw)
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

    private sealed class Ended(SourceOpener opener) : IDisposable
    {
        public void Dispose()
        {
            opener._prefetch?.Dispose();
            opener._prefetch = null;
        }
    }
}
