using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>How a source is read: its kind, its records' format, and whether line 1 is an S3 header line.</summary>
public sealed record SourcePlan(SourceFile Source, InputKind Kind, FlowLogFormat Format, bool HasHeader);
