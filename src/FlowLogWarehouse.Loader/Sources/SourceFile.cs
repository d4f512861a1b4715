namespace FlowLogWarehouse.Loader.Sources;

/// <summary>
/// One input of a load. <see cref="Id"/> names it in the manifest; with <see cref="Size"/> and
/// <see cref="LastModifiedUtc"/> it decides whether a source was already loaded unchanged.
/// </summary>
public sealed record SourceFile(string Id, string DisplayName, long? Size, DateTime? LastModifiedUtc, SourceKeyInfo KeyInfo)
{
    public const string StdinId = "stdin:";

    public bool IsStdin => Id == StdinId;

    /// <summary>Local path of a file source.</summary>
    public string Path => Id.StartsWith("file://", StringComparison.Ordinal) ? Id["file://".Length..] : Id;

    public static SourceFile ForFile(FileInfo file) =>
        new("file://" + file.FullName, file.FullName, file.Length, file.LastWriteTimeUtc, SourceKeyInfo.FromPath(file.FullName));

    public static SourceFile Stdin() => new(StdinId, "-", null, null, SourceKeyInfo.None);

    public Stream Open() => IsStdin
        ? Console.OpenStandardInput(1 << 16)
        : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
