using System.Buffers;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>Whole lines of one source in a pooled buffer; the last line may lack its newline at the end of a source.</summary>
internal sealed class Chunk(SourceState source, byte[] buffer, int length, long firstLineNumber, bool skipFirstLine)
{
    public SourceState Source { get; } = source;
    public byte[] Buffer { get; } = buffer;
    public int Length { get; } = length;

    /// <summary>1-based number of the chunk's first line in its source.</summary>
    public long FirstLineNumber { get; } = firstLineNumber;

    /// <summary>True for the first chunk of a source whose line 1 is its S3 header.</summary>
    public bool SkipFirstLine { get; } = skipFirstLine;

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
