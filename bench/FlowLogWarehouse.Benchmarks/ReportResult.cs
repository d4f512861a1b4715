using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>Everything measured for one report: both sides' timings, whether they agreed, and the CLI's run.</summary>
internal sealed class ReportResult(ReportDefinition report)
{
    public ReportDefinition Report { get; } = report;

    public IReadOnlyDictionary<string, string> Arguments { get; set; } = new Dictionary<string, string>();

    /// <summary>The untimed warm-up on the warehouse (first open of its files for this report), shown beside the median.</summary>
    public double? FirstWarehouseSeconds { get; set; }

    public List<RunPhases> WarehouseRuns { get; } = [];

    public List<RunPhases> RawRuns { get; } = [];

    /// <summary>The same report over the same rows in a table of DuckDB's own storage: the floor (see <see cref="NativeTable"/>).</summary>
    public List<RunPhases> TableRuns { get; } = [];

    public IEnumerable<double> WarehouseSeconds => WarehouseRuns.Select(r => r.Total);

    public IEnumerable<double> RawSeconds => RawRuns.Select(r => r.Total);

    public long Rows { get; set; }

    /// <summary>The worst agreement of any run with the first warehouse run.</summary>
    public Agreement? Agreement { get; set; }

    public string? Difference { get; set; }

    public CliRun? Cli { get; set; }

    /// <summary>A side threw (bad SQL on one engine, a timeout): the report has no ratio.</summary>
    public string? Failure { get; set; }

    /// <summary>Left out before running, e.g. a required parameter the bench cannot pick a value for.</summary>
    public string? NotRun { get; set; }

    public double? WarehouseMedian => WarehouseRuns.Count > 0 ? Statistics.Median(WarehouseSeconds) : null;

    public double? RawMedian => RawRuns.Count > 0 ? Statistics.Median(RawSeconds) : null;

    public double? TableMedian => TableRuns.Count > 0 ? Statistics.Median(TableRuns.Select(r => r.Total)) : null;

    /// <summary>The ratio the warehouse would have if it were as fast as DuckDB's own storage: the most any file layout can give.</summary>
    public double? TableRatio => TableMedian is > 0 && RawMedian is { } raw ? raw / TableMedian : null;

    /// <summary>How many times faster the warehouse answered than the raw text (medians).</summary>
    public double? Ratio => WarehouseMedian is > 0 && RawMedian is { } raw ? raw / WarehouseMedian : null;

    public bool Mismatch => Agreement == Benchmarks.Agreement.Different;
}
