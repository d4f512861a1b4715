using System.Globalization;
using System.Text;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The s3 set in Markdown: one row per source, the 1.3× target, and (for the results file) every run.</summary>
internal static class S3Table
{
    // Set with the s3 set (DESIGN.md's Performance list has no S3 target): loading from S3 takes at most 1.3× loading
    // the same files from local disk.
    public const double Target = 1.3;

    /// <summary>Medians over one source's successful runs.</summary>
    private sealed record Summary(LoadSource Source, double Seconds, double CpuSeconds, long PeakRssBytes, double ServerCpuSeconds, bool Mismatch);

    public static string Render(S3Result result, BenchOptions options)
    {
        var text = new StringBuilder();
        var input = result.Input;
        text.AppendLine(Invariant($"### S3: loading from the local S3 server against from local files (target: S3 ≤ {Target:F1}× the local time)"));
        text.AppendLine();
        text.AppendLine(Invariant(
            $"Input: {input.Reference.Rows:N0} lines, {input.Spec.Format} .gz (the {input.Spec.InputName} input), {input.Input.Files.Count:N0} objects, ") +
            Invariant($"{input.Input.TotalBytes / 1e6:N1} MB compressed") +
            (result.UploadSeconds is { } upload ? Invariant($", uploaded to s3rver in {upload:F1} s (not measured).") : "."));
        text.AppendLine(Invariant(
            $"Median of {options.Repeat} alternating run(s) per source, each `flowlogs load` into a fresh warehouse: local files ") +
            "`flowlogs load <dir>`, S3 `flowlogs load s3://bucket/ --endpoint-url http://127.0.0.1:PORT` (the loader's default " +
            "--concurrency). MB/s is compressed input per second. Peak RSS is the loader's, the largest over the runs; " +
            "s3rver CPU s is the server's CPU time during a run (median).");
        text.AppendLine();
        text.AppendLine("| source | lines | median s | lines/s | MB/s (.gz) | CPU s | peak RSS MB | s3rver CPU s | vs local | check |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        var local = Summarize(result, LoadSource.LocalFiles);
        var s3 = Summarize(result, LoadSource.S3);
        foreach (var summary in new[] { local, s3 }.OfType<Summary>())
        {
            var ratio = local is null ? "" : Invariant($"{summary.Seconds / local.Seconds:F2}×");
            text.AppendLine(
                Invariant($"| {S3Run.SourceNameOf(summary.Source)} | {input.Reference.Rows:N0} | {summary.Seconds:F2} | {input.Reference.Rows / summary.Seconds:N0} | ") +
                Invariant($"{input.Input.TotalBytes / 1e6 / summary.Seconds:F1} | {summary.CpuSeconds:F1} | {summary.PeakRssBytes / 1e6:F0} | {summary.ServerCpuSeconds:F1} | ") +
                Invariant($"{ratio} | {(summary.Mismatch ? "**MISMATCH**" : "ok")} |"));
        }
        foreach (var source in result.Runs.Where(r => r.Failed).Select(r => r.Source).Distinct())
            text.AppendLine($"| {S3Run.SourceNameOf(source)} | | | | | | | | | **FAILED** |");
        if (result.Failure is not null && !result.Runs.Any(r => r.Failed))
            text.AppendLine("| | | | | | | | | | **FAILED** |");
        text.AppendLine();

        text.AppendLine(local is not null && s3 is not null
            ? Invariant($"**Target S3 ≤ {Target:F1}× local: {(s3.Seconds / local.Seconds <= Target ? "PASS" : "MISS")}** — ") +
              Invariant($"S3 {s3.Seconds:F2} s ÷ local files {local.Seconds:F2} s = {s3.Seconds / local.Seconds:F2}×.")
            : Invariant($"**Target S3 ≤ {Target:F1}× local: {(result.Failure is null ? "NOT RUN" : "FAILED")}** — not measured."));
        text.AppendLine();
        text.AppendLine(
            Invariant($"Note: s3rver (Node) runs on this machine's {Environment.ProcessorCount} cores beside the loader, so it competes with the loader for CPU ") +
            "(its CPU time is in the table) where real S3 would not; the link is loopback, without S3's latency or bandwidth limits" +
            (result.ServerPeakRssBytes is { } rss ? Invariant($". s3rver's own peak RSS (upload included): {rss / 1e6:F0} MB.") : "."));

        if (result.Failure is not null)
            text.AppendLine().AppendLine($"FAILED s3: {result.Failure}");
        foreach (var run in result.Runs.Where(r => r.Mismatch is not null))
            text.AppendLine($"MISMATCH s3 {run.SourceName} run {run.Run}: {run.Mismatch}");
        return text.ToString();
    }

    /// <summary>Every run, for the results file: the medians' raw material and the logs to look at.</summary>
    public static string RenderRuns(S3Result result)
    {
        var text = new StringBuilder();
        text.AppendLine("### Every s3 run");
        text.AppendLine();
        text.AppendLine("| source | run | s | CPU s | peak RSS MB | s3rver CPU s | output MB | files | rows | sum(bytes) | log |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var run in result.Runs)
            text.AppendLine(
                Invariant($"| {run.SourceName} | {run.Run} | {run.Measure.ElapsedSeconds:F2} | {run.Measure.CpuSeconds:F1} | {run.Measure.MaxRssBytes / 1e6:F0} | ") +
                Invariant($"{run.ServerCpuSeconds:F1} | {run.Output?.Bytes / 1e6:F1} | {run.Output?.Files:N0} | {run.Output?.Totals?.Rows:N0} | ") +
                Invariant($"{run.Output?.Totals?.BytesSum} | {run.Log} |"));
        return text.ToString();
    }

    private static Summary? Summarize(S3Result result, LoadSource source)
    {
        var runs = result.Runs.Where(r => r.Source == source && !r.Failed).ToList();
        if (runs.Count == 0)
            return null;
        return new Summary(
            source,
            Statistics.Median(runs.Select(r => r.Measure.ElapsedSeconds)),
            Statistics.Median(runs.Select(r => r.Measure.CpuSeconds)),
            runs.Max(r => r.Measure.MaxRssBytes),
            Statistics.Median(runs.Select(r => r.ServerCpuSeconds)),
            runs.Any(r => r.Mismatch is not null));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
