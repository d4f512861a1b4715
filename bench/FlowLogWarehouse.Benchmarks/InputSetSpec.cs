namespace FlowLogWarehouse.Benchmarks;

/// <summary>One generated input set: what `flowlogs generate` is asked for.</summary>
internal sealed record InputSetSpec(string Name, string Format, int Days, long RowsPerDay, bool Gzip, bool IsLarge)
{
    public const string LargeName = "v2-large";
    public const string ReportsName = "reports";
    public const string S3Name = "s3";
    private const string GzipName = "v2-gz";

    public static readonly IReadOnlyList<string> Names = ["v2-text", GzipName, "v5-text", LargeName, S3Name, ReportsName];

    /// <summary>The month the reports run over, loaded once into a warehouse: not a loader comparison.</summary>
    public bool IsReports => Name == ReportsName;

    /// <summary>Our loader from the local S3 server against from local files: not a comparison with DuckDB.</summary>
    public bool IsS3 => Name == S3Name;

    /// <summary>
    /// The set whose generated files this one reads: the s3 set uploads v2-gz's (the .gz objects AWS delivers), so
    /// the two share one cached input rather than generating the same files twice.
    /// </summary>
    public string InputName => IsS3 ? GzipName : Name;

    public long Lines => Days * RowsPerDay;

    /// <summary>A generous guess at the bytes one line takes on disk, for the free-space check before generating.</summary>
    public long EstimatedBytesPerLine => (Format, Gzip) switch
    {
        ("v2", false) => 130,
        ("v2", true) => 50,
        (_, false) => 340,
        (_, true) => 120,
    };

    /// <summary>
    /// The sets, in run order. The large set keeps the small sets' rows per day and adds days, so it differs from
    /// v2-text only in size: flat memory means flat over more partitions and more input, not denser partitions.
    /// </summary>
    public static IReadOnlyList<InputSetSpec> From(BenchOptions options)
    {
        var rowsPerDay = Math.Max(1, options.Lines / options.Days);
        var all = new[]
        {
            new InputSetSpec("v2-text", "v2", options.Days, rowsPerDay, Gzip: false, IsLarge: false),
            new InputSetSpec(GzipName, "v2", options.Days, rowsPerDay, Gzip: true, IsLarge: false),
            new InputSetSpec("v5-text", "v5", options.Days, Math.Max(1, options.V5Lines / options.Days), Gzip: false, IsLarge: false),
            new InputSetSpec(LargeName, "v2", options.LargeDays, Math.Max(1, options.LargeLines / options.LargeDays), Gzip: false, IsLarge: true),
            new InputSetSpec(S3Name, "v2", options.Days, rowsPerDay, Gzip: true, IsLarge: false),
            // v5 so that reports needing its fields (vpc-id, flow-direction, traffic-path, ...) run too; .gz as AWS delivers.
            new InputSetSpec(ReportsName, "v5", options.ReportsDays, options.ReportsRowsPerDay, Gzip: true, IsLarge: false),
        };
        return all.Where(s => options.Sets.Contains(s.Name)).ToList();
    }
}
