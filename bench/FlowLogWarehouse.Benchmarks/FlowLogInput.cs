using System.IO.Compression;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>A directory of AWS-style flow log files (<c>*.log</c>, <c>*.log.gz</c>) and the format its header names.</summary>
internal sealed class FlowLogInput
{
    private FlowLogInput(string directory, IReadOnlyList<string> files, FlowLogFormat format, long totalBytes)
    {
        Directory = directory;
        Files = files;
        Format = format;
        TotalBytes = totalBytes;
    }

    public string Directory { get; }

    /// <summary>Every input file, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The fields named by the first file's header line.</summary>
    public FlowLogFormat Format { get; }

    public long TotalBytes { get; }

    public bool HasField(string name) => Format.Fields.Any(f => f.Name == name);

    /// <summary>The regions named by the files' AWS keys (<c>AWSLogs/&lt;account&gt;/vpcflowlogs/&lt;region&gt;/…</c>).</summary>
    public IReadOnlySet<string> RegionsInPaths() =>
        Files
            .Select(f => Path.GetRelativePath(Directory, f).Split(Path.DirectorySeparatorChar))
            .Select(parts => Array.IndexOf(parts, "vpcflowlogs") is var i && i >= 0 && i + 2 < parts.Length ? parts[i + 1] : "")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>DuckDB globs that cover the files: one per extension present.</summary>
    public IReadOnlyList<string> Globs()
    {
        var globs = new List<string>(2);
        if (Files.Any(f => f.EndsWith(".log", StringComparison.Ordinal)))
            globs.Add(Path.Combine(Directory, "**", "*.log"));
        if (Files.Any(f => f.EndsWith(".log.gz", StringComparison.Ordinal)))
            globs.Add(Path.Combine(Directory, "**", "*.log.gz"));
        return globs;
    }

    public static FlowLogInput Scan(string directory)
    {
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
            throw new BenchException($"Input directory '{directory}' does not exist.");
        var files = System.IO.Directory
            .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsFlowLogFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new BenchException($"Input directory '{directory}' has no *.log or *.log.gz files.");
        var header = ReadFirstLine(files[0]);
        if (!FlowLogFormat.TryParseHeader(header, out var format))
            throw new BenchException(
                $"{files[0]}: the first line is not a flow log header (field names separated by spaces): " +
                $"'{System.Text.Encoding.ASCII.GetString(header[..Math.Min(header.Length, 120)])}'.");
        var totalBytes = files.Sum(f => new FileInfo(f).Length);
        return new FlowLogInput(directory, files, format, totalBytes);
    }

    public static bool IsFlowLogFile(string path) =>
        path.EndsWith(".log", StringComparison.Ordinal) || path.EndsWith(".log.gz", StringComparison.Ordinal);

    /// <summary>DuckDB's SQL type for a catalog type: the same physical types as AWS's Parquet delivery.</summary>
    public static string SqlType(FieldType type) => type switch
    {
        FieldType.Int32 => "INTEGER",
        FieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };

    private static byte[] ReadFirstLine(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        // A header is a few hundred bytes; 64 KiB without a newline is not a header.
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                break;
            var newline = Array.IndexOf(buffer, (byte)'\n', length, read);
            length += read;
            if (newline >= 0)
                return buffer[..newline];
        }
        return buffer[..length];
    }
}
