using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Sources;

/// <summary>
/// The inputs of a load being expanded (<see cref="SourceResolver"/>) while the warehouse opens and recovers, which
/// need nothing the inputs hold. Listing S3 inputs waits on the store, and in a fresh process the SDK's first request
/// costs 0.3-0.4 s on one core: that much of the load's start no longer waits for the warehouse, or the warehouse for
/// it. Disposing stops a resolution nobody awaited (the load failed before it needed the sources).
/// </summary>
internal sealed class PendingSources : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<IReadOnlyList<SourceFile>> _sources;

    private PendingSources(CancellationTokenSource stop, Task<IReadOnlyList<SourceFile>> sources)
    {
        _stop = stop;
        _sources = sources;
    }

    public static PendingSources Start(
        IEnumerable<string> inputs, string warehouse, DeliveryDays? days, Func<S3SourceLister> s3, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // On a pool thread: the resolver first yields only once the SDK client is made and the first request is sent,
        // and local inputs are enumerated without yielding at all.
        var sources = Task.Run(() => SourceResolver.ResolveAsync(inputs, warehouse, days, s3, stop.Token), stop.Token);
        return new PendingSources(stop, sources);
    }

    /// <summary>The sources, or the resolver's exception (a missing input, a listing S3 refused).</summary>
    public Task<IReadOnlyList<SourceFile>> SourcesAsync() => _sources;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _sources;
        }
        catch (Exception)
        {
            // Either already thrown from SourcesAsync, or the load failed before it asked: the load's own error stands.
        }
        _stop.Dispose();
    }
}
