using System.Text;

namespace FlowLogWarehouse.Cli.Output;

/// <summary>A plain aligned table for terminals: a header row, columns two spaces apart, no trailing spaces.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {headers.Length} columns.", nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
            for (var i = 0; i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);

        var line = new StringBuilder();
        foreach (var row in _rows.Prepend(headers))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
                line.Append(row[i].PadRight(i < row.Length - 1 ? widths[i] + 2 : 0));
            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Shortens <paramref name="text"/> to at most <paramref name="width"/> characters, marking the cut.</summary>
    public static string Truncate(string text, int width)
    {
        const string Marker = "...";
        if (text.Length <= width)
            return text;
        return string.Concat(text.AsSpan(0, width - Marker.Length).TrimEnd(), Marker);
    }
}
