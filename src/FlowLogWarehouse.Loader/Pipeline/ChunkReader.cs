using System.Buffers;
using System.Threading.Channels;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// Reads sources one after another and cuts their decompressed bytes into chunks of whole lines for the parsing
/// threads. A source that cannot be read (missing, corrupt gzip or Parquet) is marked failed and the others go on.
/// </summary>
internal sealed class ChunkReader(SourceOpener opener, int chunkBytes)
{
    private const int MaxLineBytes = 64 << 20;

    public void Run(IReadOnlyList<SourceState> sources, ChannelWriter<Chunk> output, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                ReadSource(source, output, cancellationToken);
            }
            catch (Exception e) when ((e is IOException or InvalidDataException or UnauthorizedAccessException) && e is not Sources.S3.S3ReadException { Unreachable: true })
            {
                source.Error = Describe(e);
                source.NeedsOwnProbe = e is InheritedPlanMismatch;
            }
        }
    }

    private void ReadSource(SourceState source, ChannelWriter<Chunk> output, CancellationToken cancellationToken)
    {
        using var stream = opener.Open(source.Plan.Source, forProbe: false);
        if (source.Plan.Inherited)
            InheritedPlanMismatch.ThrowIfParquetDiffers(source.Plan, stream);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        var filled = 0;
        long nextLine = 1;
        var first = true;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            filled += read;
            if (first && source.Plan.Inherited)
                InheritedPlanMismatch.ThrowIfHeaderDiffers(source.Plan, buffer.AsSpan(0, filled));
            if (filled < buffer.Length)
            {
                // End of the source; its last line may lack a newline.
                if (filled > 0)
                    output.WriteBlocking(new Chunk(source, buffer, filled, nextLine, first && source.Plan.HasHeader), cancellationToken);
                else
                    ArrayPool<byte>.Shared.Return(buffer);
                return;
            }
            var cut = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (cut == 0 && buffer.Length >= MaxLineBytes)
                cut = filled; // not a text file: cut anyway so memory stays bounded; the pieces are quarantined
            if (cut == 0)
            {
                // One line longer than the buffer: grow until it fits.
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
                continue;
            }
            var carry = filled - cut;
            var next = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, carry * 2));
            buffer.AsSpan(cut, carry).CopyTo(next);
            var lines = CountLines(buffer.AsSpan(0, cut));
            output.WriteBlocking(new Chunk(source, buffer, cut, nextLine, first && source.Plan.HasHeader), cancellationToken);
            nextLine += lines;
            first = false;
            buffer = next;
            filled = carry;
        }
    }

    private static long CountLines(ReadOnlySpan<byte> chunk)
    {
        var newlines = chunk.Count((byte)'\n');
        return chunk[^1] == (byte)'\n' ? newlines : newlines + 1;
    }


    internal static string Describe(Exception e) => e switch
    {
        InvalidDataException => $"not readable as gzip: {e.Message}",
        FileNotFoundException or DirectoryNotFoundException => "the file vanished before it was read",
        UnauthorizedAccessException => $"permission denied: {e.Message}",
        _ => e.Message,
    };
}
