using System.Text;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Generator;

/// <summary>Everything the file writers share, resolved and validated once: format, network, days, rows per file.</summary>
internal sealed class GenerationPlan
{
    public const int FilesPerDay = 24 * 60 * 60 / TrafficGenerator.WindowSeconds;

    /// <summary>The flow log's ID, part of every object name AWS writes.</summary>
    public const string FlowLogId = "fl-0a1b2c3d4e5f60789";

    private GenerationPlan(GeneratorOptions options, FlowLogFormat format, DateTime firstDay)
    {
        Options = options;
        Format = format;
        FirstDay = firstDay;
        SeedHash = Prng.Mix((ulong)(uint)options.Seed, 0xF10E_1065UL);
        Network = Network.Create(SeedHash, options.AccountId, options.Region);
        Header = Encoding.ASCII.GetBytes(format.Text + "\n");
        Writer = new RecordWriter(format, Network, options.AccountId, options.Region);
    }

    public GeneratorOptions Options { get; }

    public FlowLogFormat Format { get; }

    public DateTime FirstDay { get; }

    public ulong SeedHash { get; }

    public Network Network { get; }

    public RecordWriter Writer { get; }

    public byte[] Header { get; }

    public int FileCount => Options.Days * FilesPerDay;

    /// <summary>Validates the options (ArgumentException with a message a person can act on) and resolves them.</summary>
    public static GenerationPlan Create(GeneratorOptions options)
    {
        Validate(options);
        var format = ResolveFormat(options.Format);
        return new GenerationPlan(options, format, options.Start.UtcDateTime.Date);
    }

    private static void Validate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
            GeneratorThrow.InvalidOption("OutputDirectory must name the directory to write the flow logs to.");
        if (options.Days < 1)
            GeneratorThrow.InvalidOption($"Days must be at least 1; got {options.Days}.");
        if (options.RowsPerDay < 1)
            GeneratorThrow.InvalidOption($"RowsPerDay must be at least 1; got {options.RowsPerDay}.");
        if ((Int128)options.RowsPerDay * options.Days > long.MaxValue)
            GeneratorThrow.InvalidOption($"Days × RowsPerDay ({options.Days} × {options.RowsPerDay}) is more records than can be counted.");
        CheckName("AccountId", options.AccountId, "123456789012");
        CheckName("Region", options.Region, "us-east-1");
        var first = options.Start.UtcDateTime.Date;
        if (first < DateTime.UnixEpoch)
            GeneratorThrow.InvalidOption($"Start must be 1970-01-01 or later (flow log times are Unix seconds); got {options.Start:O}.");
        if ((DateTime.MaxValue.Date - first).TotalDays < options.Days)
            GeneratorThrow.InvalidOption($"Start {first:yyyy-MM-dd} plus {options.Days} days goes past the year 9999.");
    }

    // Account and region name directories and file names, and the loader partitions by them: keep them path-safe.
    private static void CheckName(string option, string? value, string example)
    {
        if (value is null || !LineParser.IsPartitionSafe(value))
            GeneratorThrow.InvalidOption(
                $"{option} '{value}' cannot be used: 1 to 64 letters, digits, '-' or '_' (for example {example}).");
    }

    private static FlowLogFormat ResolveFormat(string? text)
    {
        const string Hint = "Use v2, v5, all or a list of field names.";
        FlowLogFormat? format = null;
        try
        {
            format = FlowLogGenerator.ResolveFormat(text ?? "");
        }
        catch (FlowLogFormatException e)
        {
            GeneratorThrow.InvalidOption($"Format: {e.Message} {Hint}", e);
        }
        if (!format.Fields.Any(f => f.IsKnown))
            GeneratorThrow.InvalidOption($"Format '{text}' names no catalog field, so readers could not recognise its header. {Hint}");
        return format;
    }

    /// <summary>
    /// Records of file <paramref name="index"/>: the day's total, exactly, split along a daily curve (busiest at
    /// 14:00 UTC, quietest at 02:00, three to one) as real networks are, so an hourly report has a shape to show.
    /// </summary>
    public long RowsOf(int index)
    {
        var f = index % FilesPerDay;
        return RowsBefore(f + 1) - RowsBefore(f);
    }

    // Rows of the day's first n files: the day's total times the share of the curve's area before file n.
    private long RowsBefore(int files)
    {
        if (files == FilesPerDay)
            return Options.RowsPerDay;
        var hours = files * 24.0 / FilesPerDay;
        return (long)Math.Floor(Options.RowsPerDay * DailyCurveArea(hours) / 24);
    }

    // The integral from 0 to t of 1 + cos(2π(h - 14)/24) / 2: rises monotonically from 0 to 24 over the day.
    private static double DailyCurveArea(double t)
    {
        const double amplitude = 0.5 * 24 / (2 * Math.PI);
        return t + amplitude * (Math.Sin(2 * Math.PI * (t - 14) / 24) - Math.Sin(2 * Math.PI * -14 / 24));
    }

    public DateTime WindowStartOf(int index) => FirstDay.AddSeconds((long)index * TrafficGenerator.WindowSeconds);

    /// <summary>Each file's records come from its own seed, derived from the run's seed and the window it covers.</summary>
    public ulong FileSeed(long windowStart) => Prng.Mix(SeedHash, (ulong)windowStart);

    /// <summary>
    /// AWS's S3 layout: <c>AWSLogs/{account}/vpcflowlogs/{region}/yyyy/MM/dd/{account}_vpcflowlogs_{region}_{flow log id}_{yyyyMMddTHHmmZ}_{hash}.log[.gz]</c>.
    /// </summary>
    public string PathOf(DateTime window, ulong fileSeed)
    {
        var o = Options;
        var name = $"{o.AccountId}_vpcflowlogs_{o.Region}_{FlowLogId}_{window:yyyyMMdd'T'HHmm'Z'}_{(uint)Prng.Mix(fileSeed):x8}.log{(o.Gzip ? ".gz" : "")}";
        return Path.Combine(o.OutputDirectory, "AWSLogs", o.AccountId, "vpcflowlogs", o.Region,
            window.ToString("yyyy"), window.ToString("MM"), window.ToString("dd"), name);
    }
}
