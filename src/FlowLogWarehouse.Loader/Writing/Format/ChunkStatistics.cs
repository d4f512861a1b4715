namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>
/// A column chunk's null count and, when it has values, its minimum and maximum in the column's byte form (little-endian
/// integers, UTF-8 text), which engines use to skip row groups.
/// </summary>
internal sealed record ChunkStatistics(long NullCount, byte[]? Min, byte[]? Max);
