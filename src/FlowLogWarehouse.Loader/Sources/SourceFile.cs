using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Loader.Sources;

/// <summary>
/// One input of a load: a file, stdin or an S3 object. <see cref="Id"/> names it in the manifest; with
/// <see cref="Size"/> and <see cref="LastModifiedUtc"/> (files) or <see cref="ETag"/> (S3 objects) it decides whether
/// a source was already loaded unchanged.
/// </summary>
public sealed record SourceFile(string Id, string DisplayName, long? Size, DateTime? LastModifiedUtc, SourceKeyInfo KeyInfo)
{
    public const string StdinId = "stdin:";

    public string? ETag { get; init; }

    public bool IsStdin => Id == StdinId;

    public bool IsS3 => Id.StartsWith(S3Path.Scheme, StringComparison.Ordinal);

    /// <summary>Local path of a file source.</summary>
    public string Path => Id.StartsWith("file://", StringComparison.Ordinal) ? Id["file://".Length..] : Id;

    /// <summary>Bucket and key of an S3 source.</summary>
    public (string Bucket, string Key) S3Object
    {
        get
        {
            var location = S3Path.Parse(Id);
            return (location.Bucket, location.Prefix);
        }
    }

    public static SourceFile ForFile(FileInfo file) =>
        new("file://" + file.FullName, file.FullName, file.Length, file.LastWriteTimeUtc, SourceKeyInfo.FromPath(file.FullName));

    public static SourceFile ForS3Object(string bucket, string key, long size, DateTime? lastModifiedUtc, string? etag)
    {
        var id = $"{S3Path.Scheme}{bucket}/{key}";
        return new SourceFile(id, id, size, lastModifiedUtc, SourceKeyInfo.FromPath(key)) { ETag = etag };
    }

    public static SourceFile Stdin() => new(StdinId, "-", null, null, SourceKeyInfo.None);

    /// <summary>A file or stdin as a stream of raw bytes; S3 objects are read through <c>S3ObjectReader</c>.</summary>
    public Stream Open()
    {
        if (IsS3)
            throw new InvalidOperationException($"{Id} is read through S3ObjectReader.");
        return IsStdin
            ? Console.OpenStandardInput(1 << 16)
            : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }
}
