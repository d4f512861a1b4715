using System.Text.Json;
using System.Text.Json.Serialization;
using FlowLogWarehouse.Loader.Writing;

namespace FlowLogWarehouse.Loader;

public enum SourceOutcome
{
    Loaded,
    AlreadyLoaded,
    Failed,
}

/// <summary>One source's line accounting: lines_read = rows + quarantined + skipped.</summary>
public sealed record SourceSummary(
    string Source, SourceOutcome Outcome, string? Kind, string? Format,
    long LinesRead, long Rows, long Quarantined, long Skipped, string? Error)
{
    /// <summary>Compressed bytes fetched from S3 for this source (probe and read); null for files and stdin.</summary>
    public long? BytesDownloaded { get; init; }
}

/// <summary>What a load did, printed at its end and written by --summary-json.</summary>
public sealed record LoadSummary
{
    public string? Batch { get; init; }
    public required string Warehouse { get; init; }
    public required bool Committed { get; init; }
    /// <summary>Sources the inputs named (files found, objects listed), before skipping those already loaded.</summary>
    public int SourcesListed { get; init; }

    /// <summary>S3 prefixes listed to find them (<c>bucket/prefix</c>; "(folders)" marks a one-level listing).</summary>
    public IReadOnlyList<string> ListedPrefixes { get; init; } = [];
    public required IReadOnlyList<SourceSummary> Sources { get; init; }
    public IReadOnlyList<WrittenFile> Files { get; init; } = [];
    public IReadOnlyList<string> Replaced { get; init; } = [];
    public string? Quarantine { get; init; }
    public double ElapsedSeconds { get; init; }
    public long PeakRssBytes { get; init; }
    public long BytesDownloaded { get; init; }
    public string? Error { get; init; }

    public long LinesRead => Loaded.Sum(s => s.LinesRead);
    public long Rows => Loaded.Sum(s => s.Rows);
    public long Quarantined => Loaded.Sum(s => s.Quarantined);
    public long Skipped => Loaded.Sum(s => s.Skipped);
    public int SourcesLoaded => Loaded.Count();
    public int SourcesAlreadyLoaded => Sources.Count(s => s.Outcome == SourceOutcome.AlreadyLoaded);
    public int SourcesFailed => Sources.Count(s => s.Outcome == SourceOutcome.Failed);
    public long BytesWritten => Files.Sum(f => f.Bytes);

    private IEnumerable<SourceSummary> Loaded => Sources.Where(s => s.Outcome == SourceOutcome.Loaded);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
