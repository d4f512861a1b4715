using System.Threading.Channels;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Pipeline;

namespace FlowLogWarehouse.Loader.Tests.Pipeline;

/// <summary>When the accumulator hands a partition's rows to the writers: full, over budget, idle, or at the end.</summary>
public sealed class PartitionAccumulatorTests
{
    private readonly RowBlockPool _blocks = new(numericSlots: 1, stringSlots: 0);
    private readonly Channel<RowGroupJob> _jobs = Channel.CreateUnbounded<RowGroupJob>();

    private static PartitionKey Hour(long hour) => new("123456789012", "us-east-1", hour, PartitionGranularity.Hour);

    private RowBuffer Rows(PartitionKey key, int count)
    {
        var buffer = new RowBuffer(key, _blocks, maxRows: 100_000);
        for (var i = 0; i < count; i++)
            buffer.Append([i], [], default, []);
        return buffer;
    }

    private List<RowGroupJob> Written()
    {
        var jobs = new List<RowGroupJob>();
        while (_jobs.Reader.TryRead(out var job))
            jobs.Add(job);
        return jobs;
    }

    [Fact]
    public void AnHourNoChunkAddsTo_IsWrittenOnceTheInputHasMovedOn()
    {
        var accumulator = new PartitionAccumulator(_jobs.Writer, rowGroupRows: 10_000, budgetBytes: 1L << 30);
        accumulator.Add([Rows(Hour(1), 500)], CancellationToken.None);
        for (var chunk = 0; chunk < PartitionAccumulator.IdleChunks; chunk++)
            accumulator.Add([Rows(Hour(2), 10)], CancellationToken.None);
        Assert.Empty(Written());

        accumulator.Add([Rows(Hour(2), 10)], CancellationToken.None);
        var written = Written();
        Assert.Equal([Hour(1)], written.Select(j => j.Key));
        Assert.Equal(500, written.Single().Rows);

        // The hour still being added to waits for a full row group or the end.
        accumulator.Complete(CancellationToken.None);
        var rest = Written();
        Assert.Equal([Hour(2)], rest.Select(j => j.Key));
        Assert.Equal((PartitionAccumulator.IdleChunks + 1) * 10, rest.Single().Rows);
    }

    [Fact]
    public void AnHourAddedToEveryFewChunks_KeepsGatheringItsRowGroup()
    {
        var accumulator = new PartitionAccumulator(_jobs.Writer, rowGroupRows: 10_000, budgetBytes: 1L << 30);
        for (var chunk = 0; chunk < 4 * PartitionAccumulator.IdleChunks; chunk++)
            accumulator.Add(chunk % (PartitionAccumulator.IdleChunks / 2) == 0 ? [Rows(Hour(1), 50), Rows(Hour(2), 5)] : [Rows(Hour(2), 5)], CancellationToken.None);
        Assert.Empty(Written());
        accumulator.Complete(CancellationToken.None);
        Assert.Equal([(Hour(1), 8 * 50), (Hour(2), 4 * PartitionAccumulator.IdleChunks * 5)],
            Written().Select(j => (j.Key, j.Rows)).OrderBy(j => j.Key.HourSinceEpoch));
    }
}
