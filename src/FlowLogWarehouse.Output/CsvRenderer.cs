using System.Buffers;
using System.Text;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>
/// A result as CSV, row by row: a header of column names, RFC 4180 quoting, values as <see cref="MachineText"/>.
/// Null is an empty field and an empty string is <c>""</c>, so the two stay apart. Records end with LF, as
/// DuckDB's and Unix tools' CSV do; RFC 4180 readers accept it.
/// </summary>
public static class CsvRenderer
{
    // Console.Out flushes every write; handing it rows in chunks keeps a large result from costing a syscall a row.
    private const int ChunkChars = 32 * 1024;

    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Streams every row to <paramref name="writer"/>; memory does not grow with the result.</summary>
    public static async Task WriteAsync(
        IReadOnlyList<ResultColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        TextWriter writer,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
            AppendField(text, i, columns[i].Name);
        text.Append('\n');

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < row.Length; i++)
                AppendField(text, i, row[i] is { } value ? MachineText.Format(value) : null);
            text.Append('\n');
            if (text.Length >= ChunkChars)
            {
                await writer.WriteAsync(text, cancellationToken);
                text.Clear();
            }
        }
        await writer.WriteAsync(text, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void AppendField(StringBuilder text, int index, string? field)
    {
        if (index > 0)
            text.Append(',');
        if (field is null)
            return;
        if (field.Length > 0 && field.AsSpan().IndexOfAny(NeedQuotes) < 0)
            text.Append(field);
        else
            text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
