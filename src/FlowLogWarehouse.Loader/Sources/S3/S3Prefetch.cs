using System.IO.Pipelines;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>
/// Downloads the objects of a batch ahead of the reader, in the order it reads them, so network waits overlap with
/// decompression and parsing. Each object flows through a pipe that pauses its download when
/// <see cref="BufferBytes"/> are unread, and at most <c>concurrency</c> objects are downloading or waiting to be read
/// at once (a slot frees when the reader is done with an object, not when its download ends: small objects fit in
/// their pipe whole, and counting only running downloads let a whole day of them pile up unread). Memory stays
/// bounded however large or many the objects are, and no large object is ever buffered whole.
/// </summary>
internal sealed class S3Prefetch : IDisposable
{
    public const int BufferBytes = 2 << 20;

    private readonly Dictionary<string, Pipe> _pipes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop;
    private readonly Task _feeder;

    public S3Prefetch(S3ObjectReader reader, IReadOnlyList<SourceFile> order, int concurrency, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new PipeOptions(pauseWriterThreshold: BufferBytes, resumeWriterThreshold: BufferBytes / 2, useSynchronizationContext: false);
        var s3Sources = order.Where(s => s.IsS3).ToList();
        foreach (var source in s3Sources)
            _pipes[source.Id] = new Pipe(options);
        _slots = new SemaphoreSlim(Math.Max(1, concurrency));
        _feeder = FeedAsync(reader, s3Sources, _stop.Token);
    }

    /// <summary>
    /// The body of an object, as it arrives; a failed download surfaces as an <see cref="IOException"/> on read.
    /// Disposing it frees the object's slot for the next download.
    /// </summary>
    public Stream Take(SourceFile source) => new Slot(_pipes[source.Id].Reader.AsStream(), _slots);

    private async Task FeedAsync(S3ObjectReader reader, List<SourceFile> sources, CancellationToken cancellationToken)
    {
        var downloads = new List<Task>();
        foreach (var source in sources)
        {
            try
            {
                await _slots.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            downloads.Add(DownloadAsync(reader, source, _pipes[source.Id].Writer, cancellationToken));
        }
        foreach (var source in sources.Skip(downloads.Count))
            await _pipes[source.Id].Writer.CompleteAsync(new OperationCanceledException("the load stopped before this object was read"));
        await Task.WhenAll(downloads);
    }

    private static async Task DownloadAsync(S3ObjectReader reader, SourceFile source, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await reader.OpenAsync(source, cancellationToken);
            while (true)
            {
                var memory = writer.GetMemory(64 * 1024);
                // Whole 64 KiB pieces: a flush per socket read woke the reader for a few KiB at a time.
                var n = await body.ReadAtLeastAsync(memory, memory.Length, throwOnEndOfStream: false, cancellationToken);
                if (n == 0)
                    break;
                writer.Advance(n);
                var flushed = await writer.FlushAsync(cancellationToken);
                if (flushed.IsCompleted)
                    break; // the reader stopped early (its source failed to parse): no need for the rest
            }
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(S3ReadException.From(e));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var pipe in _pipes.Values)
            pipe.Reader.Complete();
        try
        {
            _feeder.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Downloads end with the cancellation; their errors belong to sources no one reads any more.
        }
        _stop.Dispose();
        _slots.Dispose();
    }

    /// <summary>An object's stream that gives its slot back once, when the reader is done with it.</summary>
    private sealed class Slot(Stream inner, SemaphoreSlim slots) : Decoding.ReadOnlyStreamBase
    {
        private int _released;

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _released, 1) == 0)
            {
                inner.Dispose();
                try
                {
                    slots.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The batch is over; no download waits for this slot.
                }
            }
            base.Dispose(disposing);
        }
    }
}
