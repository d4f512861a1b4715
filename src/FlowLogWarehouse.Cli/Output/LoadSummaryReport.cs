using System.Globalization;
using FlowLogWarehouse.Loader;

namespace FlowLogWarehouse.Cli.Output;

/// <summary>
/// The load summary on stdout: a line per source that failed or had bad lines (a nightly load reads hundreds of
/// clean files; --summary-json lists them all), then the totals.
/// </summary>
internal static class LoadSummaryReport
{
    private const int MaxSourceRows = 20;

    public static void Write(LoadSummary summary, TextWriter output)
    {
        var shown = summary.Sources.Where(s => s.Outcome == SourceOutcome.Failed || s.Quarantined > 0).ToList();
        if (shown.Count > 0)
        {
            var table = new TextTable("source", "outcome", "lines_read", "rows", "quarantined", "skipped", "note");
            foreach (var s in shown.OrderByDescending(s => s.Outcome == SourceOutcome.Failed).ThenByDescending(s => s.Quarantined).Take(MaxSourceRows))
                table.AddRow(TextTable.Truncate(s.Source, 60), Name(s.Outcome), N(s.LinesRead), N(s.Rows), N(s.Quarantined), N(s.Skipped), s.Error ?? "");
            table.Write(output);
            if (shown.Count > MaxSourceRows)
                output.WriteLine($"... and {shown.Count - MaxSourceRows:N0} more sources (see --summary-json)");
            output.WriteLine();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(summary.Batch is not null ? $"Batch {summary.Batch} committed" : summary.Committed ? "Nothing new to load" : "Nothing was loaded")}: " +
            $"{N(summary.SourcesListed)} source(s) found: {N(summary.SourcesLoaded)} loaded, {N(summary.SourcesAlreadyLoaded)} already loaded, {N(summary.SourcesFailed)} failed"));
        if (summary.BytesDownloaded > 0)
            output.WriteLine($"Downloaded {Bytes(summary.BytesDownloaded)} from S3");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lines_read {N(summary.LinesRead)} = rows {N(summary.Rows)} + quarantined {N(summary.Quarantined)} + skipped {N(summary.Skipped)}"));
        if (summary.Batch is not null)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{N(summary.Files.Count)} Parquet file(s), {Bytes(summary.BytesWritten)}, in {summary.ElapsedSeconds:F2} s ({summary.LinesRead / Math.Max(summary.ElapsedSeconds, 0.001):N0} lines/s), peak RSS {Bytes(summary.PeakRssBytes)}"));
        if (summary.Replaced.Count > 0)
            output.WriteLine($"Replaced batch(es): {string.Join(", ", summary.Replaced)}");
        if (summary.Quarantine is not null)
            output.WriteLine($"Bad lines: {Path.Combine(summary.Warehouse, summary.Quarantine)}");
    }

    private static string Name(SourceOutcome outcome) => outcome switch
    {
        SourceOutcome.Loaded => "loaded",
        SourceOutcome.AlreadyLoaded => "already-loaded",
        _ => "FAILED",
    };

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
