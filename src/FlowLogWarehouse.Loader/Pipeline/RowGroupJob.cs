namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>Rows of one partition, gathered from several parsing threads, to be written as one row group.</summary>
internal sealed record RowGroupJob(PartitionKey Key, IReadOnlyList<RowBuffer> Buffers)
{
    public int Rows => Buffers.Sum(b => b.Count);

    public long RetainedBytes => Buffers.Sum(b => b.RetainedBytes);

    public void Release()
    {
        foreach (var buffer in Buffers)
            buffer.Release();
    }
}
