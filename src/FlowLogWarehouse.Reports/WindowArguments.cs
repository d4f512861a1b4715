using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Reports;

/// <summary>
/// Turns <c>--from/--to</c> into a <see cref="TimeWindow"/>. Each is a UTC date or time (<c>2026-11-20</c>,
/// <c>2026-11-20T05:00</c>, <c>2026-11-20 05:30:00Z</c>, an explicit offset) or, for <c>--from</c>, a span back from
/// <c>--to</c> (<c>-6h</c>, <c>-7d</c>, <c>-30m</c>). Without them: the 24 hours up to the end of the newest data.
/// </summary>
public static class WindowArguments
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static TimeWindow Resolve(string? from, string? to, DateTimeOffset? latestHour)
    {
        var end = to is null
            ? latestHour?.AddHours(1) ?? throw new ReportException("the warehouse has no data to default --to from; give --from and --to")
            : ParseTime("--to", to);
        var start = from is null ? end - DefaultSpan : ParseRelative(from) is { } back ? end - back : ParseTime("--from", from);
        try
        {
            return new TimeWindow(start, end);
        }
        catch (ArgumentException e)
        {
            throw new ReportException(e.Message);
        }
    }

    private static DateTimeOffset ParseTime(string option, string text)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        throw new ReportException($"{option} '{text}' is not a UTC date or time such as 2026-11-20, 2026-11-20T05:00 or 2026-11-20T05:00:00Z" +
                                  (option == "--from" ? ", nor a span back from --to such as -6h or -7d" : ""));
    }

    private static TimeSpan? ParseRelative(string text)
    {
        text = text.Trim();
        if (text.Length < 3 || text[0] != '-' || !long.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
            return null;
        return text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
