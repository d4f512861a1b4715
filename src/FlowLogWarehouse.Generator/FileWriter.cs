using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// Writes whole files, one after another, through one reusable buffer: memory stays the same whatever the row count.
/// A file appears under its final name only once complete (written as ".partial", then renamed).
/// </summary>
internal sealed class FileWriter(GenerationPlan plan)
{
    private const int BufferSize = 1 << 20;

    private readonly byte[] _buffer = new byte[Math.Max(BufferSize, 4 * plan.Writer.MaxLineLength)];
    private readonly TrafficGenerator _traffic = new(plan.Network);

    public long Records { get; private set; }

    public long Bytes { get; private set; }

    public void Write(int index, CancellationToken cancellationToken)
    {
        var window = plan.WindowStartOf(index);
        var windowStart = (long)(window - DateTime.UnixEpoch).TotalSeconds;
        var seed = plan.FileSeed(windowStart);
        var path = plan.PathOf(window, seed);
        var partial = path + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _traffic.Reset(seed, windowStart);
        var rows = plan.RowsOf(index);
        try
        {
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, plan.Options.Gzip ? 1 << 16 : 1))
            {
                if (plan.Options.Gzip)
                {
                    using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                        WriteRecords(gzip, rows, cancellationToken);
                }
                else
                {
                    WriteRecords(file, rows, cancellationToken);
                }
                file.Flush();
                Bytes += file.Length;
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        Records += rows;
    }

    // The per-line loop: optimised at once rather than tiered up (see RecordWriter.Write).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRecords(Stream output, long rows, CancellationToken cancellationToken)
    {
        var buffer = _buffer.AsSpan();
        var writer = plan.Writer;
        var flushAt = _buffer.Length - writer.MaxLineLength;
        output.Write(plan.Header);
        var pos = 0;
        for (long i = 0; i < rows; i++)
        {
            if (pos > flushAt)
            {
                cancellationToken.ThrowIfCancellationRequested();
                output.Write(_buffer, 0, pos);
                pos = 0;
            }
            pos = writer.Write(in _traffic.Next(), buffer, pos);
        }
        output.Write(_buffer, 0, pos);
    }
}
