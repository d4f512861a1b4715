using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>How a source is read: its kind, its records' format, and whether line 1 is an S3 header line.</summary>
public sealed record SourcePlan(SourceFile Source, InputKind Kind, FlowLogFormat Format, bool HasHeader)
{
    /// <summary>
    /// Taken from another object of the same flow log rather than probed (see <c>FlowLogObjects</c>); the read checks
    /// the object's own header or Parquet columns against it before using any of its lines.
    /// </summary>
    public bool Inherited { get; init; }
}
