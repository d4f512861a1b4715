using FlowLogWarehouse.Loader.Writing;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>A committed batch: its sources with their line accounting, its files, and the batches it replaced.</summary>
public sealed record BatchManifest
{
    public required string Batch { get; init; }
    public required DateTime CommittedAtUtc { get; init; }
    public required string Tool { get; init; }
    public required IReadOnlyList<ManifestSource> Sources { get; init; }
    public required IReadOnlyList<WrittenFile> Files { get; init; }
    public IReadOnlyList<string> Replaces { get; init; } = [];
    public string? Quarantine { get; init; }
}

/// <summary>
/// A loaded source. Id with size and modification time (files) or ETag (S3 objects) decide whether a later run may
/// skip it.
/// </summary>
public sealed record ManifestSource(
    string Id, long? Size, DateTime? LastModifiedUtc, string Kind, string Format,
    long LinesRead, long Rows, long Quarantined, long Skipped)
{
    public string? ETag { get; init; }
}

/// <summary>Written before a batch's files move into place, so a crash in between can be undone.</summary>
public sealed record BatchJournal(string Batch, IReadOnlyList<string> Files, IReadOnlyList<string> Replaces, string? Quarantine);
