namespace FlowLogWarehouse.Benchmarks;

/// <summary>The orchestrator's options; every one has a default, so <c>make bench</c> needs none.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        FlowLogWarehouse.Benchmarks: our `flowlogs load` against DuckDB's COPY on the same generated input, side by side;
        then our load of the v2 .gz files from a local S3 server (s3rver) against from local disk; then every report on
        a month of data in the warehouse against the same SQL over the raw .gz text.

        Usage: dotnet run -c Release --project bench/FlowLogWarehouse.Benchmarks -- [options]

          --flowlogs PATH        the flowlogs CLI: a launcher, an executable or a .dll   (default ./bin/flowlogs)
          --work DIR             inputs, outputs, logs and results                     (default ./.bench)
          --lines N              lines of the v2 sets, text and .gz (and s3)           (default 5000000)
          --days N               days the v2, v5 and s3 sets are spread over           (default 2)
          --v5-lines N           lines of the v5 (custom format) set                   (default 2000000)
          --large-lines N        lines of the large v2 set (memory flatness)           (default 50000000)
          --large-days N         days of the large set; same rows per hour as --lines  (default 20)
          --skip-large           leave out the large set
          --sets LIST            comma-separated subset of v2-text,v2-gz,v5-text,v2-large,s3,reports
          --repeat N             runs per engine and set (per source on s3, per report on the warehouse); the median is reported (default 3)
          --large-repeat N       runs of our loader on the large set                   (default 1)
          --seed S               generator seed                                        (default 42)
          --timeout-minutes N    a command running longer fails the bench              (default 60)
          --regenerate           generate the inputs again even if they are present
          --skip-s3              leave out the S3 load benchmark (the s3 set: v2-gz's files, needs `make s3-server`)
          --skip-reports         leave out the reports benchmark (the reports set)
          --reports-days N       days of the reports set (v5, .gz)                     (default 30)
          --reports-rows-per-day N  rows per day of the reports set                   (default 340000)
          --raw-repeat N         runs per report over the raw .gz text (slow)          (default 1)
          --reports-partition P  layout of the reports warehouse: day or hour          (default day)
          --reports-dir DIR      run the reports of DIR (laid out like sql/reports) instead of the built-in library

        Exit codes: 0 done (targets missed or not), 1 a command failed, 2 bad arguments, 3 an output's row count
        or sum(bytes) differs from the input's, or a report's rows differ between the warehouse and the raw text.
        """;

    private static readonly HashSet<string> FlagNames = ["skip-large", "skip-s3", "skip-reports", "regenerate"];

    public required string Flowlogs { get; init; }
    public required string WorkDirectory { get; init; }
    public required long Lines { get; init; }
    public required int Days { get; init; }
    public required long V5Lines { get; init; }
    public required long LargeLines { get; init; }
    public required int LargeDays { get; init; }
    public required IReadOnlySet<string> Sets { get; init; }
    public required int Repeat { get; init; }
    public required int LargeRepeat { get; init; }
    public required int Seed { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required bool Regenerate { get; init; }
    public required int ReportsDays { get; init; }
    public required long ReportsRowsPerDay { get; init; }
    public required int RawRepeat { get; init; }
    public required string ReportsPartition { get; init; }
    public required string? ReportsDirectory { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var reader = ArgReader.Parse(args, FlagNames);
        var sets = reader.Optional("sets") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : InputSetSpec.Names.ToHashSet(StringComparer.Ordinal);
        var unknown = sets.FirstOrDefault(s => !InputSetSpec.Names.Contains(s));
        if (unknown is not null)
            throw new UsageException($"--sets: unknown set '{unknown}'; known: {string.Join(", ", InputSetSpec.Names)}.");
        if (reader.Flag("skip-large"))
            sets.Remove(InputSetSpec.LargeName);
        if (reader.Flag("skip-s3"))
            sets.Remove(InputSetSpec.S3Name);
        if (reader.Flag("skip-reports"))
            sets.Remove(InputSetSpec.ReportsName);
        if (sets.Count == 0)
            throw new UsageException("No input set left to run.");

        var options = new BenchOptions
        {
            Flowlogs = reader.String("flowlogs", "./bin/flowlogs"),
            WorkDirectory = Path.GetFullPath(reader.String("work", "./.bench")),
            Lines = reader.Long("lines", 5_000_000),
            Days = reader.Int("days", 2),
            V5Lines = reader.Long("v5-lines", 2_000_000),
            LargeLines = reader.Long("large-lines", 50_000_000),
            LargeDays = reader.Int("large-days", 20),
            Sets = sets,
            Repeat = reader.Int("repeat", 3),
            LargeRepeat = reader.Int("large-repeat", 1),
            Seed = reader.Int("seed", 42, min: 0),
            Timeout = TimeSpan.FromMinutes(reader.Int("timeout-minutes", 60)),
            Regenerate = reader.Flag("regenerate"),
            ReportsDays = reader.Int("reports-days", 30),
            ReportsRowsPerDay = reader.Long("reports-rows-per-day", 340_000),
            RawRepeat = reader.Int("raw-repeat", 1),
            ReportsPartition = reader.String("reports-partition", "day"),
            ReportsDirectory = reader.Optional("reports-dir") is { } dir ? Path.GetFullPath(dir) : null,
        };
        if (options.ReportsPartition is not ("day" or "hour"))
            throw new UsageException($"--reports-partition must be day or hour, not '{options.ReportsPartition}'.");
        reader.RejectUnknown("bench");
        return options;
    }
}
