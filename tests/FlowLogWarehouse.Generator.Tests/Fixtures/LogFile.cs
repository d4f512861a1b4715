using System.IO.Compression;
using System.Text;

namespace FlowLogWarehouse.Generator.Tests.Fixtures;

/// <summary>One generated object: where it is, its bytes on disk, and its text (decompressed for .gz).</summary>
public sealed class LogFile
{
    private LogFile(string relativePath, byte[] raw, byte[] content)
    {
        RelativePath = relativePath;
        Raw = raw;
        Content = content;
        Text = Encoding.UTF8.GetString(content);
        var lines = Text.Split('\n');
        Header = lines[0];
        // The file ends with '\n', so the last split element is empty and is not a record.
        Records = lines[1..^1];
    }

    /// <summary>Path below the output directory, with '/' separators.</summary>
    public string RelativePath { get; }

    public string Name => System.IO.Path.GetFileName(RelativePath);

    public byte[] Raw { get; }

    public byte[] Content { get; }

    public string Text { get; }

    public string Header { get; }

    public IReadOnlyList<string> Records { get; }

    /// <summary>Every .log and .log.gz below <paramref name="root"/>, in ordinal path order.</summary>
    public static IReadOnlyList<LogFile> ReadAll(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (path, relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .OrderBy(x => x.relative, StringComparer.Ordinal)
            .Select(x => Read(x.path, x.relative))
            .ToList();

    private static LogFile Read(string path, string relative)
    {
        var raw = File.ReadAllBytes(path);
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
            return new LogFile(relative, raw, raw);
        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return new LogFile(relative, raw, content.ToArray());
    }
}
