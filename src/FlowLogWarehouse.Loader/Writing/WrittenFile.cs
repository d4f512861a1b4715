namespace FlowLogWarehouse.Loader.Writing;

/// <summary>A finished Parquet file of a batch, relative to the warehouse root.</summary>
public sealed record WrittenFile(string Path, long Rows, long Bytes);
