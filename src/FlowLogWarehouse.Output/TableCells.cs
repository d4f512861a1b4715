using System.Globalization;
using System.Text;

namespace FlowLogWarehouse.Output;

/// <summary>Values as a person skims them in a table: grouped digits, byte sizes, short times, one line each.</summary>
internal static class TableCells
{
    private const char Ellipsis = '…';

    public static string Format(object? value, bool byteCount, bool code = false) => value switch
    {
        null => "",
        long l when code => l.ToString(CultureInfo.InvariantCulture),
        long l when byteCount => ByteSize.Format(l),
        double d when byteCount => ByteSize.Format(d),
        decimal m when byteCount => ByteSize.Format((double)m),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        double d => Double(d),
        decimal m => m.ToString("N" + m.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// <paramref name="text"/> on one line, at most <paramref name="maxWidth"/> characters: a line break inside a
    /// cell would split the table's row, a tab would shift its columns.
    /// </summary>
    public static string Fit(string text, int maxWidth)
    {
        text = OneLine(text);
        if (text.Length <= maxWidth)
            return text;
        var cut = maxWidth - 1;
        // Never split a surrogate pair: half an emoji is not text.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), [Ellipsis]);
    }

    /// <summary>Line breaks as ↵ and other control characters as spaces, so text keeps to one line.</summary>
    public static string OneLine(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            return text;
        var line = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            line.Append(c switch
            {
                '\n' or '\r' => '↵',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        return line.ToString();
    }

    // Up to 2 decimals with grouped digits, but a small non-zero value keeps 3 significant digits instead of
    // showing as 0.
    private static string Double(double d) =>
        d != 0 && Math.Abs(d) < 0.005
            ? d.ToString("G3", CultureInfo.InvariantCulture)
            : d.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
