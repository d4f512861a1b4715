using System.Globalization;
using System.Text;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The reports benchmark in Markdown: one row per report, the 20× target, and (for the results file) every run.</summary>
internal static class ReportsTable
{
    // DESIGN.md, Performance: every report over a month of data answers ≥ 20× faster than over the raw .gz text.
    public const double Target = 20;

    public static string Render(ReportsResult result, BenchOptions options)
    {
        var text = new StringBuilder();
        var input = result.Input;
        text.AppendLine(Invariant($"### Reports: the warehouse against the raw .gz text (target: every report ≥ {Target:F0}× faster)"));
        text.AppendLine();
        text.AppendLine(Invariant(
            $"Input: {input.Reference.Rows:N0} rows, {input.Spec.Format} .gz, {input.Spec.Days} days × {input.Spec.RowsPerDay:N0} rows, ") +
            Invariant($"{input.Input.Files.Count:N0} files, {input.Input.TotalBytes / 1e6:N0} MB") +
            (result.Warehouse is { } w ? Invariant($"; warehouse {w.ParquetBytes / 1e6:N0} MB in {w.ParquetFiles:N0} Parquet files, a folder per {w.Partition}") : "") +
            (result.Window is { } window ? $"; window `{window}`." : "."));
        text.AppendLine();
        text.AppendLine(Invariant(
            $"warehouse s: median of {options.Repeat} run(s) after one warm-up (\"first s\"), each a fresh in-process DuckDB engine: ") +
            Invariant($"open, prepare, execute, read every row. raw .gz s: median of {options.RawRepeat} run(s) of the same SQL and parameters ") +
            "over `read_csv` of the .gz files (columns declared from the header). Runs alternate sides. ratio = raw ÷ warehouse. " +
            Invariant($"DuckDB table s: median of {options.Repeat} run(s) of the same over the same rows copied into a table of DuckDB's own storage ") +
            "(attached read-only by each fresh engine), where nothing is decoded from Parquet: where raw ÷ table misses 20× too, the query's " +
            "own work (aggregation, joins) takes more than 1/20 of the raw time on this machine. " +
            "CLI s: `flowlogs report run NAME … --output csv --out FILE` once, process start included. " +
            Invariant($"check: rows identical on both sides (\"same rows\": identical after sorting, ties in ORDER BY). Bench process peak RSS {result.PeakRssBytes / 1e6:N0} MB."));
        if (result.Picked.Count > 0)
            text.AppendLine().AppendLine("Required parameters, picked from the data: " + string.Join("; ", result.Picked) + ".");
        text.AppendLine();

        text.AppendLine("| report | warehouse s | raw .gz s | ratio | ≥ 20× ? | DuckDB table s | raw ÷ table | rows | CLI s | first s | check |");
        text.AppendLine("|---|--:|--:|--:|---|--:|--:|--:|--:|--:|---|");
        foreach (var r in result.Reports)
            text.AppendLine(Row(r));

        var measured = result.Reports.Where(r => r.Ratio is not null).ToList();
        text.AppendLine();
        if (result.Failure is not null)
            text.AppendLine($"FAILED: {result.Failure}");
        if (result.WarehouseMismatch is not null)
            text.AppendLine($"MISMATCH: {result.WarehouseMismatch}");
        if (measured.Count > 0)
        {
            var worst = measured.MinBy(r => r.Ratio!.Value)!;
            var reached = measured.Count(r => r.Ratio >= Target);
            var all = reached == result.Reports.Count;
            text.AppendLine(Invariant(
                $"**Target every report ≥ {Target:F0}× faster: {(all ? "PASS" : "MISS")}** — {reached} of {result.Reports.Count} report(s) reached it; ") +
                Invariant($"lowest ratio {worst.Ratio:F1}× ({worst.Report.Id}), median ratio {Statistics.Median(measured.Select(r => r.Ratio!.Value)):F1}×."));
            var floors = measured.Where(r => r.TableRatio is not null).ToList();
            if (floors.Count > 0)
                text.AppendLine().AppendLine(Invariant(
                    $"Over the DuckDB table of the same rows, {floors.Count(r => r.TableRatio >= Target)} of {floors.Count} report(s) reach {Target:F0}×; ") +
                    Invariant($"the others ({string.Join(", ", floors.Where(r => r.TableRatio < Target).Select(r => r.Report.Id))}) take longer than 1/{Target:F0} ") +
                    "of the raw time even with nothing to decode from Parquet.");
        }
        foreach (var r in result.Reports)
        {
            if (r.NotRun is not null)
                text.AppendLine($"- {r.Report.Id}: not run: {r.NotRun}");
            if (r.Failure is not null)
                text.AppendLine($"- {r.Report.Id}: FAILED: {r.Failure}");
            if (r.Mismatch)
                text.AppendLine($"- {r.Report.Id}: MISMATCH: {r.Difference}");
            if (r.Cli is { Failed: true } failed)
                text.AppendLine($"- {r.Report.Id}: the CLI failed (exit code {failed.Measure!.ExitCode}); see {failed.Log}");
            else if (r.Cli?.Rows is { } cliRows && cliRows != r.Rows)
                text.AppendLine(Invariant($"- {r.Report.Id}: the CLI's CSV holds {cliRows:N0} rows, the in-process runs {r.Rows:N0}"));
        }
        if (result.Reports.Any(r => r.Cli?.NotRun is not null))
            text.AppendLine($"- CLI s is n/a where the CLI did not run the report: {string.Join("; ", result.Reports.Select(r => r.Cli?.NotRun).OfType<string>().Distinct())}.");
        return text.ToString();
    }

    /// <summary>Every run's seconds and each report's parameters: the medians' raw material.</summary>
    public static string RenderRuns(ReportsResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("### Every report run");
        text.AppendLine();
        text.AppendLine("Each run as open + prepare + execute seconds (fresh engine; prepare includes DESCRIBE; execute includes reading every row).");
        text.AppendLine();
        text.AppendLine("| report | parameters | warehouse runs s | raw .gz runs s | DuckDB table runs s | CLI peak RSS MB | CLI log |");
        text.AppendLine("|---|---|---|---|---|--:|---|");
        foreach (var r in result.Reports)
        {
            var parameters = string.Join(" ", r.Arguments.Select(a => $"{a.Key}={a.Value}"));
            text.AppendLine(Invariant(
                $"| {r.Report.Id} | {parameters} | {Phases(r.WarehouseRuns)} | {Phases(r.RawRuns)} | {Phases(r.TableRuns)} | ") +
                Invariant($"{(r.Cli?.Measure is { } m ? (m.MaxRssBytes / 1e6).ToString("F0", CultureInfo.InvariantCulture) : "")} | {r.Cli?.Log} |"));
        }
        return text.ToString();
    }

    private static string Row(ReportResult r)
    {
        if (r.NotRun is not null)
            return $"| {r.Report.Id} | | | | not run | | | | | | |";
        if (r.Failure is not null)
            return $"| {r.Report.Id} | {F(r.WarehouseMedian, "F3")} | {F(r.RawMedian, "F2")} | | **FAILED** | {F(r.TableMedian, "F3")} | | | | {F(r.FirstWarehouseSeconds, "F3")} | |";
        var verdict = r.Ratio is not { } ratio ? "" : ratio >= Target ? "yes" : "**no**";
        var cli = r.Cli switch
        {
            { NotRun: not null } => "n/a",
            { Failed: true } => "**FAILED**",
            { Measure: { } m } => m.ElapsedSeconds.ToString("F2", CultureInfo.InvariantCulture),
            _ => "",
        };
        var check = r.Agreement switch
        {
            Agreement.Identical => "identical",
            Agreement.SameRowsOtherOrder => "same rows",
            Agreement.Different => "**MISMATCH**",
            _ => "",
        };
        return Invariant($"| {r.Report.Id} | {F(r.WarehouseMedian, "F3")} | {F(r.RawMedian, "F2")} | {F(r.Ratio, "F1")}× | {verdict} | {F(r.TableMedian, "F3")} | {F(r.TableRatio, "F1")}× | {r.Rows:N0} | {cli} | {F(r.FirstWarehouseSeconds, "F3")} | {check} |");
    }

    private static string Phases(IEnumerable<RunPhases> runs) =>
        string.Join("; ", runs.Select(p => Invariant($"{p.Open:F3} + {p.Prepare:F3} + {p.Execute:F3}")));

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
