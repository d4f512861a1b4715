using System.Globalization;
using System.Text;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>
/// A result as an aligned table for a terminal: a header, a dashed rule, numbers right-aligned and text left,
/// columns two spaces apart, and a row count. Widths count UTF-16 characters, so East Asian wide characters
/// push their row's later columns right.
/// </summary>
public static class TableRenderer
{
    private const string Gap = "  ";

    /// <summary>
    /// Reads up to <see cref="TableOptions.MaxRows"/> rows (it must hold them to size the columns), then writes the
    /// table; the footer says when rows were left unread.
    /// </summary>
    public static async Task WriteAsync(
        IReadOnlyList<ResultColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        TextWriter writer,
        TableOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= TableOptions.Default;
        var byteCounts = columns.Select(ByteSize.IsByteCount).ToArray();
        var codes = columns.Select(ColumnKinds.IsCode).ToArray();
        var rightAligned = columns.Select(ColumnKinds.IsNumeric).ToArray();
        var header = columns.Select(c => TableCells.Fit(c.Name, options.MaxCellWidth)).ToArray();
        var widths = header.Select(h => h.Length).ToArray();

        var lines = new List<string[]>();
        var more = false;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (lines.Count == options.MaxRows)
            {
                more = true;
                break;
            }
            var cells = new string[columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = TableCells.Fit(TableCells.Format(row[i], byteCounts[i], codes[i]), options.MaxCellWidth);
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }
            lines.Add(cells);
        }

        var text = new StringBuilder();
        AppendLine(text, header, widths, rightAligned);
        AppendLine(text, widths.Select(w => new string('-', w)).ToArray(), widths, rightAligned);
        foreach (var cells in lines)
            AppendLine(text, cells, widths, rightAligned);
        text.Append(Footer(lines.Count, more)).Append('\n');
        await writer.WriteAsync(text, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths, bool[] rightAligned)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                text.Append(Gap);
            var padding = widths[i] - cells[i].Length;
            if (rightAligned[i])
                text.Append(' ', padding).Append(cells[i]);
            else
                text.Append(cells[i]).Append(' ', padding);
        }
        // No trailing spaces: a left-aligned or empty last cell would leave them, and they wrap narrow terminals.
        var end = text.Length;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        text.Length = end;
        text.Append('\n');
    }

    private static string Footer(int shown, bool more) =>
        more ? string.Create(CultureInfo.InvariantCulture, $"(first {shown:N0} rows; more not shown: csv, json and parquet output have them all)")
        : shown == 1 ? "(1 row)"
        : string.Create(CultureInfo.InvariantCulture, $"({shown:N0} rows)");
}
