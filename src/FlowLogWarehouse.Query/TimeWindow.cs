namespace FlowLogWarehouse.Query;

/// <summary>The flows whose <c>start</c> lies in [From, To), both in UTC.</summary>
public sealed record TimeWindow
{
    public TimeWindow(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            throw new ArgumentException($"the time window is empty: --to {Format(to)} is not after --from {Format(from)}");
        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public long FromSeconds => From.ToUnixTimeSeconds();

    /// <summary>Exclusive, rounded up so a window ending mid-second keeps that second's flows.</summary>
    public long ToSeconds => (To.ToUnixTimeMilliseconds() + 999) / 1000;

    /// <summary>The hour partition of the first second in the window.</summary>
    public DateTimeOffset FirstHour => TruncateToHour(From);

    /// <summary>The hour partition of the last second in the window.</summary>
    public DateTimeOffset LastHour => TruncateToHour(DateTimeOffset.FromUnixTimeSeconds(ToSeconds - 1));

    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public override string ToString() => $"{Format(From)} .. {Format(To)}";

    private static DateTimeOffset TruncateToHour(DateTimeOffset time) =>
        new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);
}
