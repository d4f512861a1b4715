using System.Text;
using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>Writes a query result in an <see cref="OutputFormat"/>: the one call a command makes to print or save rows.</summary>
public static class ResultWriter
{
    /// <summary>
    /// Writes <paramref name="result"/> as a table, CSV or JSON to <paramref name="writer"/>, typically stdout.
    /// Table reads at most <see cref="TableOptions.MaxRows"/> rows; CSV and JSON stream them all.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is binary (<see cref="OutputFormats.IsBinary"/>).</exception>
    public static Task WriteAsync(IQueryResult result, OutputFormat format, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var rows = result.ReadRowsAsync(cancellationToken);
        return format switch
        {
            OutputFormat.Table => TableRenderer.WriteAsync(result.Columns, rows, writer, cancellationToken: cancellationToken),
            OutputFormat.Csv => CsvRenderer.WriteAsync(result.Columns, rows, writer, cancellationToken),
            OutputFormat.Json => JsonRenderer.WriteAsync(result.Columns, rows, writer, cancellationToken),
            _ => throw new ArgumentException($"{format.Name()} output is binary: write it to a file", nameof(format)),
        };
    }

    /// <summary>
    /// Writes <paramref name="result"/> to a file at <paramref name="path"/> in any format, text as UTF-8. The file
    /// appears only once complete: a failed or cancelled write leaves nothing behind, and any earlier file as it was.
    /// </summary>
    /// <param name="result">The rows to write; read once.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="path">The file to create or replace; its directory must exist.</param>
    /// <param name="chart">For <see cref="OutputFormat.Png"/>: what to draw; by default <see cref="ChartSpec.Infer"/>.</param>
    /// <param name="cancellationToken">Stops reading rows.</param>
    /// <exception cref="OutputException">A value does not fit Parquet, or the chart cannot be drawn from this result.</exception>
    public static async Task WriteFileAsync(
        IQueryResult result,
        OutputFormat format,
        string path,
        ChartSpec? chart = null,
        CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            switch (format)
            {
                case OutputFormat.Parquet:
                    await ParquetRenderer.WriteAsync(result.Columns, result.ReadRowsAsync(cancellationToken), temporary, cancellationToken);
                    break;
                case OutputFormat.Png:
                    var rows = await ReadAsync(result, ChartRenderer.MaxRows + 1, cancellationToken);
                    ChartRenderer.Render(chart ?? ChartSpec.Infer(result.Columns), result.Columns, rows, temporary);
                    break;
                default:
                    await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                        await WriteAsync(result, format, writer, cancellationToken);
                    break;
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // One row past the limit is enough for the chart to tell the result is too large.
    private static async Task<List<object?[]>> ReadAsync(IQueryResult result, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == limit)
                break;
        }
        return rows;
    }
}
