namespace FlowLogWarehouse.Benchmarks;

/// <summary>Refuses to start generating what the disk cannot hold, instead of failing an hour in.</summary>
internal static class DiskSpace
{
    // Parquet of flow logs takes well under this per row; two outputs (ours, DuckDB's) exist at once.
    private const long OutputBytesPerLine = 60;
    private const long Slack = 1L << 30;

    public static void EnsureEnough(string workDirectory, IReadOnlyList<InputSetSpec> specs, InputStore store)
    {
        // The s3 set reads v2-gz's files: one input to generate for both.
        var toGenerate = specs.Where(s => !store.IsReady(s)).DistinctBy(s => s.InputName).ToList();
        var inputBytes = toGenerate.Sum(s => s.Lines * s.EstimatedBytesPerLine);
        // The large set is loaded by our loader alone; the reports set once, into a warehouse kept between runs and a
        // DuckDB table of its rows (~35 bytes a row; the warehouse ~17).
        var outputBytes = specs.Max(s => s.Lines * OutputBytesPerLine * (s.IsLarge || s.IsReports ? 1 : 2));
        // The s3 set's two warehouses stay beside the others, and s3rver holds a copy of its input while it runs.
        outputBytes += specs.Where(s => s.IsS3).Sum(s => s.Lines * (2 * OutputBytesPerLine + s.EstimatedBytesPerLine));
        var needed = inputBytes + outputBytes + Slack;
        var free = FreeBytesOn(workDirectory);
        Console.WriteLine(
            $"Disk: {free / 1e9:F1} GB free under {workDirectory}; about {needed / 1e9:F1} GB needed " +
            $"({inputBytes / 1e9:F1} GB of inputs to generate for {toGenerate.Count} set(s), {outputBytes / 1e9:F1} GB of outputs, 1 GB slack).");
        if (free < needed)
            throw new BenchException(
                $"Not enough free disk: {free / 1e9:F1} GB free, about {needed / 1e9:F1} GB needed. " +
                "Free some space, pass --work DIR on a larger disk, or run fewer or smaller sets (--skip-large, --lines N).");
    }

    /// <summary>
    /// Free bytes on the mount that holds <paramref name="path"/> (or its nearest existing ancestor): the mount with
    /// the longest matching mount point, since the work directory need not be on the root's file system.
    /// </summary>
    private static long FreeBytesOn(string path)
    {
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing))
            existing = Path.GetDirectoryName(existing) ?? Path.GetPathRoot(existing)!;
        var mount = DriveInfo.GetDrives()
            .Where(d => d.IsReady && IsUnder(existing, d.Name))
            .MaxBy(d => d.Name.Length);
        return (mount ?? new DriveInfo(existing)).AvailableFreeSpace;
    }

    private static bool IsUnder(string path, string mount)
    {
        var m = mount.TrimEnd('/');
        return m.Length == 0 || path == m || path.StartsWith(m + "/", StringComparison.Ordinal);
    }
}
