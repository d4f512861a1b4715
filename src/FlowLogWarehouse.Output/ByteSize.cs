using System.Globalization;

namespace FlowLogWarehouse.Output;

/// <summary>
/// Byte counts for people, in binary units (1 KiB = 1024 B), as flow logs' bytes and file sizes are read.
/// A column holds byte counts when it is numeric and named <c>bytes</c>, <c>…_bytes</c> or <c>bytes_…</c>.
/// </summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    public static bool IsByteCount(Query.ResultColumn column) =>
        column.IsNumeric()
        && (column.Name.Equals("bytes", StringComparison.OrdinalIgnoreCase)
            || column.Name.EndsWith("_bytes", StringComparison.OrdinalIgnoreCase)
            || column.Name.StartsWith("bytes_", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>532 B</c>, <c>1.2 MiB</c>, <c>4.0 GiB</c>: whole bytes, else one decimal in the largest unit that keeps it at least 1.</summary>
    public static string Format(double bytes)
    {
        var size = Math.Abs(bytes);
        var unit = 0;
        // Compare as it will print: 1023.96 KiB would show as "1024.0 KiB", so it is "1.0 MiB".
        while (unit < Units.Length - 1 && Math.Round(size, unit == 0 ? 0 : 1) >= 1024)
        {
            size /= 1024;
            unit++;
        }
        var sign = bytes < 0 && Math.Round(size, unit == 0 ? 0 : 1) != 0 ? "-" : "";
        return sign + size.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>The power of 1024 whose unit suits values up to <paramref name="magnitude"/>, for axis ticks.</summary>
    public static int UnitFor(double magnitude)
    {
        var unit = 0;
        while (unit < Units.Length - 1 && magnitude >= Math.Pow(1024, unit + 1))
            unit++;
        return unit;
    }

    /// <summary>A tick label in a fixed unit, with only the decimals it needs: <c>0 B</c>, <c>1.5 MiB</c>, <c>50 MiB</c>.</summary>
    public static string FormatIn(double bytes, int unit) =>
        bytes == 0
            ? "0 B"
            : (bytes / Math.Pow(1024, unit)).ToString("0.##", CultureInfo.InvariantCulture) + " " + Units[unit];
}
