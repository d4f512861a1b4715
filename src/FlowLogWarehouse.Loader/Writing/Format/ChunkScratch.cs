using System.Buffers;
using ZstdSharp;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// What one writer needs to encode column chunks, reused from chunk to chunk: page buffers, the dictionary, index and
/// level arrays, and a Zstandard context (level 1). One context per writer rather than per page, as Parquet.Net made,
/// saves allocating its tables for every page.
/// </summary>
internal sealed class ChunkScratch : IDisposable
{
    private const int ZstdLevel = 1;

    private readonly Compressor _compressor = new(ZstdLevel);

    public PageBuffer Dictionary { get; } = new();

    public PageBuffer Data { get; } = new();

    public PageBuffer Compressed { get; } = new();

    public PageBuffer Header { get; } = new(256);

    public StringDictionary Strings { get; } = new();

    public int[] Indexes { get; private set; } = [];

    /// <summary>An index array of at least <paramref name="count"/> entries.</summary>
    public int[] IndexesFor(int count)
    {
        if (Indexes.Length < count)
        {
            if (Indexes.Length > 0)
                ArrayPool<int>.Shared.Return(Indexes);
            Indexes = ArrayPool<int>.Shared.Rent(count);
        }
        return Indexes;
    }

    /// <summary>Compresses a page into <see cref="Compressed"/>.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        Compressed.Clear();
        var written = _compressor.Wrap(page, Compressed.GetSpan(Compressor.GetCompressBound(page.Length)));
        Compressed.Advance(written);
        return Compressed.Written;
    }

    public void Dispose()
    {
        _compressor.Dispose();
        Dictionary.Dispose();
        Data.Dispose();
        Compressed.Dispose();
        Header.Dispose();
        if (Indexes.Length > 0)
            ArrayPool<int>.Shared.Return(Indexes);
        Indexes = [];
    }
}
