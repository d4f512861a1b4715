using System.Globalization;

namespace FlowLogWarehouse.Output;

/// <summary>Values as exact, culture-free text for CSV and JSON: what a program reads back, not what a person skims.</summary>
internal static class MachineText
{
    /// <summary>ISO 8601 in UTC; fractional seconds only when there are some, without trailing zeros.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Numbers in full: doubles round-trip, decimals keep their scale (1.50 stays 1.50).</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => Timestamp(t),
        DateOnly d => Date(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
