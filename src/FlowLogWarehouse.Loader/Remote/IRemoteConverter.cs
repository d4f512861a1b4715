using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;

namespace FlowLogWarehouse.Loader.Remote;

/// <summary>
/// Turns a batch's S3 text objects into Parquet somewhere other than this process (Athena), for volumes one machine
/// cannot parse. The loader keeps everything else: listing, planning, the manifest, the commit protocol and its
/// recovery. A converter writes only under <see cref="RemoteBatchRequest.Staging"/>; the loader checks what it finds
/// there and moves it into the warehouse.
/// </summary>
public interface IRemoteConverter
{
    /// <summary>Names the converter in logs and errors ("athena").</summary>
    string Name { get; }

    /// <summary>
    /// Writes the rows of <see cref="RemoteBatchRequest.Plans"/> under <c>Staging/rows/&lt;folder&gt;/</c> as Parquet
    /// files in Hive folders of <see cref="RemoteStaging.PartitionColumns"/> (<c>part_account=…/part_region=…/part_year=YYYY/part_month=MM/part_day=DD/part_hour=HH/</c>), (<see cref="RemoteStaging.PartitionColumnsFor"/> of the request's granularity) with the catalog's column names
    /// and physical types and no partition columns; and bad lines under <c>Staging/quarantine/</c> as gzipped JSON
    /// lines (<see cref="RemoteQuarantine"/>) under <c>Staging/quarantine/&lt;folder&gt;/</c>. Every row has the
    /// columns of the union of the plans' formats (<c>BatchSchema.Union</c>), null where a format lacks one. Returns every source's line accounting. A source whose own header does
    /// not match its inherited plan comes back with <see cref="RemoteSourceResult.NeedsOwnProbe"/> before any rows
    /// are written.
    /// </summary>
    Task<RemoteBatch> ConvertAsync(RemoteBatchRequest request, CancellationToken cancellationToken);
}

/// <summary>One batch to convert: its sources (S3 text objects with their plans) and where its output goes.</summary>
public sealed record RemoteBatchRequest(
    string Batch, IReadOnlyList<SourcePlan> Plans, S3Path Staging, PartitionDefaults Defaults, double MaxBadRatio, PartitionGranularity Granularity);

/// <summary>
/// What a converter did: each source's accounting, in the order of the request's plans, and the folders under
/// <c>Staging/rows/</c> and <c>Staging/quarantine/</c> that hold complete output. Output of a part that failed is
/// left out of these lists, so nothing half-written is ever read.
/// </summary>
public sealed record RemoteBatch(IReadOnlyList<RemoteSourceResult> Sources, IReadOnlyList<string> RowFolders, IReadOnlyList<string> QuarantineFolders)
{
    /// <summary>False when the converter stopped before writing rows (a plan to redo, or too many bad lines).</summary>
    public bool Written { get; init; } = true;
}

public sealed record RemoteSourceResult(SourcePlan Plan, long LinesRead, long Rows, long Quarantined, long Skipped)
{
    public string? Error { get; init; }

    public bool NeedsOwnProbe { get; init; }
}

/// <summary>The members of one quarantined line in <c>Staging/quarantine/</c>: no line number (the converter has none).</summary>
public static class RemoteQuarantine
{
    public const string Source = "source";
    public const string Field = "field";
    public const string Value = "value";
    public const string Reason = "reason";
    public const string Raw = "raw";
}

/// <summary>The staging layout: folders, and the Hive partition columns under each row folder.</summary>
public static class RemoteStaging
{
    public const string Rows = "rows";
    public const string Quarantine = "quarantine";
    /// <summary>Account, region, year, month, day, hour: named apart from every catalog column (v5 has a region field).</summary>
    public static readonly IReadOnlyList<string> PartitionColumns = ["part_account", "part_region", "part_year", "part_month", "part_day", "part_hour"];

    /// <summary>The folders of a layout: without the hour for a warehouse with a folder per day.</summary>
    public static IReadOnlyList<string> PartitionColumnsFor(PartitionGranularity granularity) =>
        granularity == PartitionGranularity.Hour ? PartitionColumns : PartitionColumns.Take(5).ToList();
}
