using System.Globalization;

namespace FlowLogWarehouse.Loader.Sources;

/// <summary>What a source's path or S3 key says about its records: account, region and delivery date.</summary>
public sealed record SourceKeyInfo(string? AccountId, string? Region, DateOnly? Date, int? Hour)
{
    public static readonly SourceKeyInfo None = new(null, null, null, null);

    /// <summary>The delivery hour the path names (its day's midnight without an hour folder), in hours since 1970; null without a date.</summary>
    public long? HourSinceEpoch => Date is { } date
        ? (long)(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalHours + (Hour ?? 0)
        : null;

    /// <summary>
    /// Reads AWS's delivery layouts: <c>AWSLogs/[o-org/]{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/[{HH}/]</c>
    /// and the Hive-compatible <c>aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/month=…/day=…/[hour=…/]</c>.
    /// </summary>
    public static SourceKeyInfo FromPath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return FromHive(parts) ?? FromAwsLogs(parts) ?? None;
    }

    private static SourceKeyInfo? FromAwsLogs(string[] parts)
    {
        var i = Array.LastIndexOf(parts, "AWSLogs");
        if (i < 0)
            return null;
        i++;
        if (i < parts.Length && parts[i].StartsWith("o-", StringComparison.Ordinal))
            i++;
        if (i + 2 >= parts.Length || parts[i + 1] != "vpcflowlogs")
            return null;
        var account = Safe(parts[i]);
        var region = Safe(parts[i + 2]);
        var j = i + 3;
        DateOnly? date = null;
        int? hour = null;
        if (j + 2 < parts.Length && TryInt(parts[j], 4, out var y) && TryInt(parts[j + 1], 2, out var m) && TryInt(parts[j + 2], 2, out var d))
        {
            date = TryDate(y, m, d);
            if (j + 3 < parts.Length - 1 && TryInt(parts[j + 3], 2, out var h) && h < 24)
                hour = h;
        }
        return new SourceKeyInfo(account, region, date, hour);
    }

    private static SourceKeyInfo? FromHive(string[] parts)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            if (eq > 0)
                values[part[..eq]] = part[(eq + 1)..];
        }
        if (!values.TryGetValue("aws-service", out var service) || service != "vpcflowlogs")
            return null;
        DateOnly? date = null;
        int? hour = null;
        if (values.TryGetValue("year", out var ys) && values.TryGetValue("month", out var ms) && values.TryGetValue("day", out var ds)
            && TryInt(ys, 4, out var y) && TryInt(ms, 2, out var m) && TryInt(ds, 2, out var d))
            date = TryDate(y, m, d);
        if (values.TryGetValue("hour", out var hs) && TryInt(hs, 2, out var h) && h < 24)
            hour = h;
        return new SourceKeyInfo(
            Safe(values.GetValueOrDefault("aws-account-id")), Safe(values.GetValueOrDefault("aws-region")), date, hour);
    }

    private static string? Safe(string? value) =>
        value is not null && Core.Parsing.LineParser.IsPartitionSafe(value) ? value : null;

    private static bool TryInt(string s, int maxDigits, out int value)
    {
        value = 0;
        return s.Length > 0 && s.Length <= maxDigits && s.All(char.IsAsciiDigit)
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static DateOnly? TryDate(int y, int m, int d) =>
        y is >= 1970 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
