using System.Globalization;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// Reads a local warehouse's Hive layout from its directories alone, without opening a file: the partition keys in
/// path order and the newest hour that holds data. Works for our layout and for AWS's own Parquet delivery,
/// per hour or per day. Folders starting with <c>_</c> or <c>.</c> are not data.
/// </summary>
internal sealed record WarehouseScan(string DataRoot, IReadOnlyList<string> PartitionKeys, DateTimeOffset LatestHour)
{
    public const string DataFolder = "AWSLogs";
    private static readonly string[] TimeKeys = ["year", "month", "day", "hour"];

    public string Glob => Path.Combine(DataRoot, "**", "*.parquet");

    public static bool IsTimeKey(string key) => TimeKeys.Contains(key);

    /// <summary>
    /// read_parquet's hive_types for the partition keys, typed explicitly: DuckDB's guess would make an account id a
    /// number (losing leading zeros) and "01" a string. Only keys the layout has may be named.
    /// </summary>
    public string HiveTypes => string.Join(", ", PartitionKeys.Select(k => $"'{k}': {(IsTimeKey(k) ? "INTEGER" : "VARCHAR")}"));

    /// <summary>Null when the warehouse holds no Parquet file.</summary>
    public static WarehouseScan? Find(string warehouse)
    {
        var root = Path.Combine(warehouse, DataFolder);
        if (!Directory.Exists(root))
            return null;
        var keys = FirstKeys(root);
        if (keys is null)
            return null;
        var latest = Latest(root, new Dictionary<string, int>());
        return latest is null ? null : new WarehouseScan(root, keys, latest.Value);
    }

    private static IEnumerable<(string Key, string Value, string Path)> Partitions(string directory) =>
        Directory.EnumerateDirectories(directory)
            .Select(d => (Name: Path.GetFileName(d), Path: d))
            .Where(d => d.Name[0] is not ('_' or '.') && d.Name.IndexOf('=') > 0)
            .Select(d => (d.Name[..d.Name.IndexOf('=')], d.Name[(d.Name.IndexOf('=') + 1)..], d.Path));

    private static bool HasData(string directory) => Directory.EnumerateFiles(directory, "*.parquet").Any();

    private static List<string>? FirstKeys(string directory)
    {
        if (HasData(directory))
            return [];
        foreach (var (key, _, path) in Partitions(directory))
        {
            if (FirstKeys(path) is { } rest)
            {
                rest.Insert(0, key);
                return rest;
            }
        }
        return null;
    }

    // Time keys are walked newest first and stop at the first branch with data; other keys (account, region) are
    // all walked, since any of them may hold the newest hour.
    private static DateTimeOffset? Latest(string directory, Dictionary<string, int> time)
    {
        if (HasData(directory) && ToHour(time) is { } here)
            return here;
        var children = Partitions(directory).ToList();
        if (children.Count == 0)
            return null;
        if (IsTimeKey(children[0].Key))
        {
            foreach (var (key, value, path) in children
                         .Where(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                         .OrderByDescending(c => int.Parse(c.Value, CultureInfo.InvariantCulture)))
            {
                time[key] = int.Parse(value, CultureInfo.InvariantCulture);
                var found = Latest(path, time);
                time.Remove(key);
                if (found is not null)
                    return found;
            }
            return null;
        }
        return children.Select(c => Latest(c.Path, new Dictionary<string, int>(time))).Max();
    }

    // A layout without hour folders (daily delivery) counts its data as reaching the end of the day.
    private static DateTimeOffset? ToHour(Dictionary<string, int> time)
    {
        if (!time.TryGetValue("year", out var year) || !time.TryGetValue("month", out var month) || !time.TryGetValue("day", out var day))
            return null;
        var hour = time.GetValueOrDefault("hour", 23);
        try
        {
            return new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
