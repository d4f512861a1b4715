namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// A Parquet source that cannot be loaded: corrupt, truncated, or not shaped like flow logs. The message is the whole
/// reason; as an <see cref="IOException"/> it fails the source, as a corrupt gzip file does, not the load.
/// </summary>
internal sealed class ParquetSourceException(string message, Exception? inner = null) : IOException(message, inner);
