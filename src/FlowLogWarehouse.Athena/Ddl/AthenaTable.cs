using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Athena.Ddl;

/// <summary>
/// The Athena table over a warehouse on S3: where it is, its name, and what partition projection enumerates.
/// Accounts and regions null mean "injected": every query must then name them with equality predicates.
/// </summary>
public sealed record AthenaTable
{
    public required string Database { get; init; }

    public required string Table { get; init; }

    /// <summary>The warehouse root; the table's location is its <c>AWSLogs/</c> folder.</summary>
    public required S3Path Warehouse { get; init; }

    public IReadOnlyList<string>? Accounts { get; init; }

    public IReadOnlyList<string>? Regions { get; init; }

    public required int FirstYear { get; init; }

    public required int LastYear { get; init; }

    /// <summary>The warehouse's layout: a folder per hour (the loader's default) or per day.</summary>
    public PartitionGranularity Granularity { get; init; } = PartitionGranularity.Hour;

    public string DataLocation => $"{S3Path.Scheme}{Warehouse.Bucket}/{Warehouse.KeyOf("AWSLogs/")}";
}
