using System.Globalization;

namespace FlowLogWarehouse.Loader.Sources;

/// <summary>
/// The delivery days a load reads (<c>--from/--to</c>), both inclusive, UTC: the dates in AWS's keys
/// (<c>…/2026/11/26/</c> or <c>year=2026/month=11/day=26/</c>). A source with no date in its path is not filtered.
/// </summary>
public sealed record DeliveryDays(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
            yield return day;
    }

    public int Count => Last.DayNumber - First.DayNumber + 1;

    /// <summary>
    /// Each of <paramref name="from"/> and <paramref name="to"/> is a date (<c>2026-11-26</c>) or days back from
    /// <paramref name="today"/> (<c>-2d</c>; <c>0d</c> is today). No <c>--to</c> means today.
    /// </summary>
    public static DeliveryDays? Parse(string? from, string? to, DateOnly today)
    {
        if (from is null && to is null)
            return null;
        if (from is null)
            throw new ArgumentException("--to needs --from: the first delivery day to read.");
        var first = Day("--from", from, today);
        var last = to is null ? today : Day("--to", to, today);
        if (last < first)
            throw new ArgumentException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
        return new DeliveryDays(first, last);
    }

    private static DateOnly Day(string option, string text, DateOnly today)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        if (text.Length >= 2 && text[^1] == 'd' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var back) && back <= 0 && back > -100_000)
            return today.AddDays(back);
        throw new ArgumentException($"{option} '{text}' is not a date such as 2026-11-26, nor days back from today such as -2d.");
    }

    public override string ToString() => First == Last ? $"{First:yyyy-MM-dd}" : $"{First:yyyy-MM-dd} .. {Last:yyyy-MM-dd}";
}
