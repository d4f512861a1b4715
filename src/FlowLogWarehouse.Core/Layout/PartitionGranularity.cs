namespace FlowLogWarehouse.Core.Layout;

/// <summary>
/// How finely a warehouse's Hive layout splits time. Both are AWS's own Parquet delivery layouts: a folder per hour
/// (<c>…/year=/month=/day=/hour=/</c>, its "per-hour partitions" option) or per day (<c>…/year=/month=/day=/</c>,
/// its default). A day's rows in one folder make row groups large enough for engines to scan quickly even when an
/// hour holds only thousands of rows.
/// </summary>
public enum PartitionGranularity
{
    Hour,
    Day,
}

public static class PartitionGranularities
{
    private static readonly string[] HourKeys = ["year", "month", "day", "hour"];
    private static readonly string[] DayKeys = ["year", "month", "day"];

    public static IReadOnlyList<string> Names { get; } = ["hour", "day"];

    /// <summary>The time partition keys of the layout, in path order.</summary>
    public static IReadOnlyList<string> TimeKeys(this PartitionGranularity granularity) =>
        granularity == PartitionGranularity.Hour ? HourKeys : DayKeys;

    public static string Name(this PartitionGranularity granularity) => granularity == PartitionGranularity.Hour ? "hour" : "day";

    public static bool TryParse(string? text, out PartitionGranularity granularity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "hour":
                granularity = PartitionGranularity.Hour;
                return true;
            case "day":
                granularity = PartitionGranularity.Day;
                return true;
            default:
                granularity = PartitionGranularity.Hour;
                return false;
        }
    }

    /// <summary>The layout a data file's path belongs to: an <c>hour=</c> folder makes it per hour.</summary>
    public static PartitionGranularity OfPath(string path) =>
        path.Replace('\\', '/').Contains("/hour=", StringComparison.Ordinal) || path.StartsWith("hour=", StringComparison.Ordinal)
            ? PartitionGranularity.Hour
            : PartitionGranularity.Day;

    /// <summary>The first hour (since the Unix epoch) of the partition holding <paramref name="hourSinceEpoch"/>.</summary>
    public static long PartitionStart(this PartitionGranularity granularity, long hourSinceEpoch) =>
        granularity == PartitionGranularity.Hour ? hourSinceEpoch
        : (hourSinceEpoch >= 0 ? hourSinceEpoch / 24 : (hourSinceEpoch - 23) / 24) * 24;
}
