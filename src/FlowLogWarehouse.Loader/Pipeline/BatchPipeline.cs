using System.Threading.Channels;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Warehouse;
using FlowLogWarehouse.Loader.Writing;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>What a batch's pipeline produced in its staging folder.</summary>
internal sealed record BatchOutput(IReadOnlyList<SourceState> Sources, IReadOnlyList<WrittenFile> Files, QuarantineSink Quarantine)
{
    /// <summary>Where each file comes from when not the local staging folder (a remote converter's objects).</summary>
    public IReadOnlyList<StagedFile>? Staged { get; init; }

    /// <summary>
    /// A failed source's rows are in no file (a remote converter keeps each part apart), so the rest can commit;
    /// locally its rows are mixed into the batch's files, which must be written again without it.
    /// </summary>
    public bool FailuresIsolated { get; init; }
}

/// <summary>
/// Runs one batch: a reader thread cuts sources into chunks, parsing threads fill partition buffers, writer tasks
/// turn full buffers into row groups. Bounded channels between the stages keep memory bounded.
/// </summary>
internal static class BatchPipeline
{
    public static async Task<BatchOutput> RunAsync(
        IReadOnlyList<SourcePlan> plans, BatchSchema schema, SourceOpener opener, string stagingRoot, string batchId,
        LoadOptions options, PartitionGranularity granularity, CancellationToken cancellationToken)
    {
        var states = SourceState.ForBatch(plans, schema);
        var parseThreads = options.ParseThreads > 0 ? options.ParseThreads : Environment.ProcessorCount;
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(parseThreads * 2) { SingleWriter = true });
        var flush = Channel.CreateBounded<RowGroupJob>(new BoundedChannelOptions(1) { SingleReader = false });
        var quarantine = new QuarantineSink(Path.Combine(stagingRoot, "quarantine.jsonl"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var blocks = new RowBlockPool(schema.NumericSlots, schema.StringSlots);
        var rowGroupRows = RowGroupRows(options, blocks);
        // Never less than one full row group's blocks, and a block more for the text of its values.
        var rowGroupBytes = (rowGroupRows / RowBlockPool.BlockRows + 2) * blocks.BlockBytes;
        var accumulator = new PartitionAccumulator(flush.Writer, rowGroupRows, Math.Max(options.BufferBudgetBytes, rowGroupBytes));

        await using var writers = new PartitionWriterSet(schema, stagingRoot, batchId, options.MaxOpenFiles, options.WriterThreads);
        using var downloads = opener.BeginBatch(plans.Select(p => p.Source).ToList(), token);

        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                new ChunkReader(opener, options.ChunkBytes).Run(states, chunks.Writer, token);
                chunks.Writer.Complete();
            }
            catch (Exception e)
            {
                chunks.Writer.Complete(e);
                stop.Cancel();
                throw;
            }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var parsers = Enumerable.Range(0, parseThreads).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                var worker = new ParseWorker(schema, new PartitionDefaults(options.DefaultAccountId, options.DefaultRegion), granularity, accumulator, quarantine, blocks, rowGroupRows);
                while (chunks.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
                {
                    while (chunks.Reader.TryRead(out var chunk))
                    {
                        try
                        {
                            worker.Process(chunk, token);
                        }
                        finally
                        {
                            chunk.Release();
                        }
                    }
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var completeFlush = Task.WhenAll(parsers).ContinueWith(t =>
        {
            try
            {
                if (t.IsCompletedSuccessfully)
                    accumulator.Complete(token);
                flush.Writer.Complete(t.Exception);
            }
            catch (Exception e)
            {
                flush.Writer.Complete(e);
                stop.Cancel();
                throw;
            }
        }, TaskScheduler.Default);

        var writerTasks = Enumerable.Range(0, options.WriterThreads).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var job in flush.Reader.ReadAllAsync(token))
                {
                    var bytes = job.RetainedBytes;
                    try
                    {
                        await writers.WriteAsync(job, token);
                    }
                    finally
                    {
                        job.Release();
                        accumulator.Written(bytes);
                    }
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, token)).ToArray();

        try
        {
            await Task.WhenAll([reader, .. parsers, completeFlush, .. writerTasks]);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            var all = new[] { reader }.Concat(parsers).Concat(writerTasks);
            var root = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException);
            quarantine.Dispose();
            if (root is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(root).Throw();
            throw;
        }
        catch
        {
            quarantine.Dispose();
            throw;
        }
        var files = await writers.CompleteAsync();
        return new BatchOutput(states, files, quarantine);
    }

    /// <summary>
    /// Rows per row group: <see cref="LoadOptions.RowGroupRows"/>, fewer when the batch's rows are so wide that the
    /// budget would not hold a row group per writer, one queued and one filling. Otherwise the budget is over
    /// whenever the writers are busy, every chunk's rows are flushed as a row group of their own (a v5 day came out as
    /// 2,000 row groups of ~1,200 rows), and engines pay per row group when they read.
    /// </summary>
    internal static int RowGroupRows(LoadOptions options, RowBlockPool blocks)
    {
        var rowBytes = Math.Max(1, blocks.BlockBytes / RowBlockPool.BlockRows);
        var fitting = options.BufferBudgetBytes / (options.WriterThreads + 2) / rowBytes;
        return (int)Math.Min(options.RowGroupRows, Math.Max(RowBlockPool.BlockRows, fitting));
    }
}
