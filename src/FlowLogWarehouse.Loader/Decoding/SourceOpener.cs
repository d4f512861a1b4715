using System.IO.Compression;
using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// Opens a source as decoded bytes: gzip (1f 8b) and Parquet ("PAR1") are recognised by their magic bytes, never by
/// name. Stdin can be read only once, so the raw bytes a probe consumed are kept and replayed by the real read.
/// Parquet is read from a seekable stream: a forward-only one is spooled to a temporary file first. S3 objects are
/// probed from their head (<see cref="S3ObjectReader.OpenHeadAsync"/>) and read through the batch's prefetch.
/// </summary>
internal sealed class SourceOpener(S3ObjectReader? s3 = null) : IDisposable
{
    private const int HeadBytes = 4;
    private MemoryStream? _stdinConsumed;
    private Stream? _stdin;
    private FileStream? _stdinSpool;
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
        {
            var body = (_prefetch ?? throw new InvalidOperationException("S3 sources are read within BeginBatch.")).Take(source);
            try
            {
                return Decode(body);
            }
            catch
            {
                body.Dispose(); // frees its download slot
                throw;
            }
        }
        if (!source.IsStdin)
            return Decode(source.Open());

        if (_stdinSpool is not null)
            return ParquetTextStream.Open(_stdinSpool, leaveOpen: true);
        _stdin ??= source.Open();
        var consumed = _stdinConsumed;
        _stdinConsumed = null;
        Stream raw = consumed is null ? new KeepOpen(_stdin) : new PrefixStream(consumed.GetBuffer(), (int)consumed.Length, new KeepOpen(_stdin));
        if (!forProbe)
            return Decode(raw);
        if (consumed is not null)
            throw new InvalidOperationException("stdin was probed twice.");

        var head = ReadHead(raw);
        if (IsParquet(head))
        {
            // A probe needs the footer, at the very end: spool stdin once, and keep it for the real read (and for a
            // rerun of the batch), since a second read of stdin finds nothing left.
            _stdinSpool = Spool(head, raw);
            return ParquetTextStream.Open(_stdinSpool, leaveOpen: true);
        }
        _stdinConsumed = new MemoryStream();
        _stdinConsumed.Write(head);
        return Decode(head, new TeeStream(raw, _stdinConsumed));
    }

    internal static Stream Decode(Stream raw) => Decode(ReadHead(raw), raw);

    private static Stream Decode(byte[] head, Stream raw)
    {
        if (IsParquet(head))
        {
            if (raw.CanSeek)
                return ParquetTextStream.Open(new BufferedStream(raw, 1 << 16), leaveOpen: false);
            using (raw)
                return ParquetTextStream.Open(Spool(head, raw), leaveOpen: false);
        }
        Stream stream = new PrefixStream(head, head.Length, raw);
        return head is [0x1f, 0x8b, ..] ? new CheckedGzipStream(stream) : stream;
    }

    private static byte[] ReadHead(Stream raw)
    {
        var head = new byte[HeadBytes];
        return head[..raw.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false)];
    }

    private static bool IsParquet(byte[] head) => head.AsSpan().SequenceEqual("PAR1"u8);

    /// <summary>The head already read and the rest of a forward-only stream, in a temporary file deleted when it is closed.</summary>
    private static FileStream Spool(byte[] head, Stream rest)
    {
        var path = Path.Combine(Path.GetTempPath(), $"flowlogs-{Guid.NewGuid():N}.parquet");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            spool.Write(head);
            rest.CopyTo(spool);
            spool.Flush();
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    public void Dispose() => _stdinSpool?.Dispose();

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
