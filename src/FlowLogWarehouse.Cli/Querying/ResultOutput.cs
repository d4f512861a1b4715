using System.Globalization;
using FlowLogWarehouse.Output;
using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Cli.Querying;

/// <summary>
/// Writes a result where the user asked, then one line on stderr saying how many rows, how long and (where the
/// engine knows it) how much data was scanned. stdout carries nothing but the result.
/// </summary>
internal static class ResultOutput
{
    public static async Task WriteAsync(
        CommandContext context, IQueryResult result, OutputFormat format, string? path, ChartSpec? chart, string label)
    {
        if (path is null)
            await ResultWriter.WriteAsync(result, format, context.Output, context.CancellationToken);
        else
            await ResultWriter.WriteFileAsync(result, format, path, chart, context.CancellationToken);

        var statistics = result.Statistics;
        var line = $"{label}: {statistics.Rows.ToString("N0", CultureInfo.InvariantCulture)} row(s) in " +
                   $"{statistics.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s";
        if (statistics.BytesScanned is { } scanned)
            line += $", {ByteSize.Format(scanned)} scanned";
        if (statistics.QueryId is { } id)
            line += $", query {id}";
        if (path is not null)
            line += $"; wrote {Path.GetFullPath(path)}";
        context.Error.WriteLine(line);
    }
}
