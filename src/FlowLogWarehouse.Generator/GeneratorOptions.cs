using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Generator;

/// <summary>What to generate: which days, how many records a day, in which format, and where.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Root of the output; files go under <c>AWSLogs/{account}/vpcflowlogs/{region}/yyyy/MM/dd/</c>.</summary>
    public required string OutputDirectory { get; init; }

    public int Days { get; init; } = 1;

    /// <summary>Records per day, exactly, spread over the day's 288 five-minute files along a daily curve.</summary>
    public long RowsPerDay { get; init; } = 100_000;

    /// <summary>"v2" (default format), "v5" (every field of versions 2 to 5), "all" (every catalog field) or a field list.</summary>
    public string Format { get; init; } = "v2";

    public bool Gzip { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>The first day: its UTC date counts, the time of day does not.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public string AccountId { get; init; } = "123456789012";

    public string Region { get; init; } = "us-east-1";
}

/// <summary>What <see cref="FlowLogGenerator.Generate"/> wrote: files, records (header lines excluded) and bytes on disk.</summary>
public sealed record GeneratorResult(int Files, long Records, long Bytes, FlowLogFormat Format);
