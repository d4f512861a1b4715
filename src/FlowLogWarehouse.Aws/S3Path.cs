namespace FlowLogWarehouse.Aws;

/// <summary>An <c>s3://bucket/prefix</c> address. The prefix has no leading slash; empty means the whole bucket.</summary>
public sealed record S3Path(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3Path Parse(string text)
    {
        if (!IsS3(text))
            throw new AwsSettingsException($"'{text}' is not an s3://bucket/prefix address.");
        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            throw new AwsSettingsException($"'{text}' does not name a valid bucket (3-63 lower-case letters, digits, '-' or '.').");
        return new S3Path(bucket, prefix);
    }

    /// <summary>The prefix as a folder: empty, or ending in one '/'.</summary>
    public string Folder => Prefix.Length == 0 || Prefix.EndsWith('/') ? Prefix : Prefix + "/";

    public string KeyOf(string relative) => Folder + relative;

    public override string ToString() => $"{Scheme}{Bucket}/{Prefix}";
}
