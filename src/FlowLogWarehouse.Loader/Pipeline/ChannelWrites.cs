using System.Threading.Channels;

namespace FlowLogWarehouse.Loader.Pipeline;

internal static class ChannelWrites
{
    /// <summary>
    /// Writes from a dedicated (non-pool) thread, blocking while the bounded channel is full: that wait is the
    /// back-pressure that keeps memory bounded. A completed channel means the next stage stopped.
    /// </summary>
    public static void WriteBlocking<T>(this ChannelWriter<T> output, T item, CancellationToken cancellationToken)
    {
        while (!output.TryWrite(item))
        {
            if (!output.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                throw new OperationCanceledException("The next stage of the load stopped.");
        }
    }
}
