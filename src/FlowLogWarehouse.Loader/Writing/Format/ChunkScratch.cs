using ZstdSharp;

namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// What one writer needs to encode column chunks, reused from chunk to chunk: arrays for a row group's gathered columns,
/// page buffers, the dictionary, and a Zstandard context (level 1). One context per writer rather than per page, as
/// Parquet.Net made, saves allocating its tables for every page. The arrays are the scratch's own: rented from the
/// shared pool, they piled up in its per-core caches as writers moved between threads (+20 MB on 50 M lines).
/// </summary>
internal sealed class ChunkScratch : IDisposable
{
    private const int ZstdLevel = 1;

    private readonly Compressor _compressor = new(ZstdLevel);

    public PageBuffer DictionaryPage { get; } = new();

    public PageBuffer Data { get; } = new();

    public PageBuffer Compressed { get; } = new();

    public PageBuffer Header { get; } = new(256);

    public StringDictionary Dictionary { get; } = new();

    private int[] _indexes = [];
    private int[] _definitions = [];
    private int[] _ints = [];
    private long[] _longs = [];
    private ReadOnlyMemory<char>[] _strings = [];

    /// <summary>Dictionary indexes of a chunk of <paramref name="count"/> values.</summary>
    public int[] Indexes(int count) => Sized(ref _indexes, count);

    /// <summary>A column's definition levels, one a row.</summary>
    public int[] Definitions(int rows) => Sized(ref _definitions, rows);

    public int[] Ints(int rows) => Sized(ref _ints, rows);

    public long[] Longs(int rows) => Sized(ref _longs, rows);

    public ReadOnlyMemory<char>[] Strings(int rows) => Sized(ref _strings, rows);

    /// <summary>Lets go of the text the last row group's strings point to.</summary>
    public void ClearStrings(int rows) => Array.Clear(_strings, 0, Math.Min(rows, _strings.Length));

    private static T[] Sized<T>(ref T[] array, int count)
    {
        if (array.Length < count)
            array = new T[count];
        return array;
    }

    /// <summary>Compresses a page into <see cref="Compressed"/>.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        Compressed.Clear();
        var written = _compressor.Wrap(page, Compressed.GetSpan(Compressor.GetCompressBound(page.Length)));
        Compressed.Advance(written);
        return Compressed.Written;
    }

    public void Dispose() => _compressor.Dispose();
}
