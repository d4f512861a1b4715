using System.Collections.Concurrent;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Writing.Format;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>
/// The open Parquet files of a batch, one per partition, in the batch's staging folder. Row groups of the same
/// partition are written one at a time; different partitions in parallel. Past <c>maxOpenFiles</c> the least
/// recently used file is finished, and that partition's later rows start a new file.
/// </summary>
internal sealed class PartitionWriterSet(BatchSchema batch, string stagingRoot, string batchId, int maxOpenFiles, int filesPerPartition) : IAsyncDisposable
{
    private readonly IReadOnlyList<ParquetColumn> _columns = WarehouseParquet.ColumnsFor(batch);
    private readonly ConcurrentBag<ChunkScratch> _scratches = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<PartitionKey, List<PartitionFile>> _files = [];
    private readonly List<WrittenFile> _written = [];
    private int _sequence;
    private long _tick;
    private int _open;
    public async Task WriteAsync(RowGroupJob rows, CancellationToken cancellationToken)
    {
        PartitionFile file;
        lock (_gate)
        {
            if (!_files.TryGetValue(rows.Key, out var files))
            {
                files = [];
                _files.Add(rows.Key, files);
            }
            // Input arrives in time order, so both writers often want the same partition: give each its own file
            // rather than make one wait for the other.
            file = files.FirstOrDefault(f => f.Gate.CurrentCount == 1 && f.Writer is not null)
                ?? files.FirstOrDefault(f => f.Gate.CurrentCount == 1)
                ?? (files.Count < filesPerPartition ? Add(files) : files[0]);
            file.LastUse = ++_tick;
        }
        await file.Gate.WaitAsync(cancellationToken);
        try
        {
            if (file.Writer is null)
            {
                int sequence;
                lock (_gate)
                {
                    sequence = ++_sequence;
                    _open++;
                }
                file.Open(Path.Combine(stagingRoot, rows.Key.RelativeDirectory), $"{batchId}-{sequence:D5}.parquet", _columns);
            }
            var scratch = RentScratch();
            try
            {
                RowGroupWriter.Write(file.Writer!, batch, rows, scratch);
            }
            finally
            {
                _scratches.Add(scratch);
            }
        }
        finally
        {
            file.Gate.Release();
        }
        await EvictAsync(cancellationToken);
    }

    // As many as writers at once, reused for every row group and file of the batch.
    private ChunkScratch RentScratch() => _scratches.TryTake(out var scratch) ? scratch : new ChunkScratch();

    private static PartitionFile Add(List<PartitionFile> files)
    {
        var file = new PartitionFile();
        files.Add(file);
        return file;
    }

    private async Task EvictAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            PartitionFile? victim = null;
            lock (_gate)
            {
                if (_open <= maxOpenFiles)
                    return;
                foreach (var f in _files.Values.SelectMany(x => x))
                    if (f.Writer is not null && f.Gate.CurrentCount == 1 && (victim is null || f.LastUse < victim.LastUse))
                        victim = f;
                if (victim is null)
                    return;
            }
            await victim.Gate.WaitAsync(cancellationToken);
            try
            {
                if (victim.Writer is not null)
                    await FinishAsync(victim);
            }
            finally
            {
                victim.Gate.Release();
            }
        }
    }

    private async Task FinishAsync(PartitionFile file)
    {
        var scratch = RentScratch();
        WrittenFile written;
        try
        {
            written = await file.CloseAsync(stagingRoot, scratch);
        }
        finally
        {
            _scratches.Add(scratch);
        }
        lock (_gate)
        {
            _written.Add(written);
            _open--;
        }
    }

    /// <summary>Finishes every open file (footers written, data on disk) and returns all files of the batch.</summary>
    public async Task<IReadOnlyList<WrittenFile>> CompleteAsync()
    {
        foreach (var file in _files.Values.SelectMany(x => x))
            if (file.Writer is not null)
                await FinishAsync(file);
        return _written.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values.SelectMany(x => x))
            await file.AbandonAsync();
        while (_scratches.TryTake(out var scratch))
            scratch.Dispose();
    }

    private sealed class PartitionFile
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long LastUse;
        public ParquetFileWriter? Writer;
        private FileStream? _stream;
        private string? _path;

        public void Open(string directory, string name, IReadOnlyList<ParquetColumn> columns)
        {
            Directory.CreateDirectory(directory);
            _path = Path.Combine(directory, name);
            // Unbuffered: pages are written whole, and up to maxOpenFiles files are open at once, so a 64 KB buffer each
            // made peak RSS grow with the number of partitions (+16 MB at 256 open files).
            _stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            Writer = new ParquetFileWriter(_stream, columns);
        }

        public async Task<WrittenFile> CloseAsync(string stagingRoot, ChunkScratch scratch)
        {
            Writer!.Finish(scratch);
            var rows = Writer.Rows;
            Writer = null;
            // Durable before the batch commits: a power cut after the manifest must not leave an empty file.
            _stream!.Flush(flushToDisk: true);
            var bytes = _stream.Length;
            await _stream.DisposeAsync();
            _stream = null;
            return new WrittenFile(Path.GetRelativePath(stagingRoot, _path!).Replace('\\', '/'), rows, bytes);
        }

        public async Task AbandonAsync()
        {
            Writer = null;
            if (_stream is not null)
                await _stream.DisposeAsync();
        }
    }
}
