using System.Globalization;
using System.Text;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The Markdown results: the comparison table, memory flatness, and each target of DESIGN.md as PASS/MISS.</summary>
internal sealed class BenchReport(string stamp, string environment, BenchOptions options, IReadOnlyList<SetResult> results)
{
    // The targets of DESIGN.md, "Performance".
    private const double ThroughputTarget = 1.5;
    private const double RssTargetBytes = 300e6;
    // "Flat": the large set may cost at most this much more than the 5 M set (GC and allocator noise).
    private const double FlatGrowthRatio = 0.10;
    private const double FlatGrowthBytes = 25e6;

    /// <summary>Medians over one engine's successful runs of one set.</summary>
    private sealed record Summary(SetResult Set, Engine Engine, int Runs, double Seconds, double CpuSeconds, long PeakRssBytes, long OutputBytes, int OutputFiles, bool Mismatch)
    {
        public long Lines => Set.Prepared.Reference.Rows;
        public double LinesPerSecond => Lines / Seconds;
        public string EngineName => Engine == Engine.Ours ? "flowlogs load" : "DuckDB COPY";
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## FlowLogWarehouse bench, {stamp}");
        text.AppendLine();
        text.AppendLine(environment);
        text.AppendLine();
        // `--sets reports` alone: no loader comparison to show, and no loader target to call "not run".
        if (results.Count == 0)
            return text.ToString();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Median of {options.Repeat} alternating runs per engine{(options.Sets.Contains(InputSetSpec.LargeName) ? $" ({options.LargeRepeat} on {InputSetSpec.LargeName})" : "")}; peak RSS is the largest of them; seed {options.Seed}.");
        text.AppendLine();
        text.AppendLine("| input set | engine | lines | median s | lines/s | vs DuckDB | CPU s | peak RSS MB | output MB | files | check |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var set in results)
        {
            var ours = Summarize(set, Engine.Ours);
            var duckDb = Summarize(set, Engine.DuckDb);
            foreach (var summary in new[] { ours, duckDb }.OfType<Summary>())
            {
                var ratio = summary.Engine == Engine.Ours && duckDb is not null ? Ratio(ours!, duckDb) : summary.Engine == Engine.DuckDb ? "1.00×" : "";
                text.AppendLine(
                    Invariant($"| {set.Prepared.Spec.Name} | {summary.EngineName} | {summary.Lines:N0} | {summary.Seconds:F2} | {summary.LinesPerSecond:N0} | {ratio} | ") +
                    Invariant($"{summary.CpuSeconds:F1} | {summary.PeakRssBytes / 1e6:F0} | {summary.OutputBytes / 1e6:F1} | {summary.OutputFiles:N0} | {(summary.Mismatch ? "**MISMATCH**" : "ok")} |"));
            }
            foreach (var engine in set.Runs.Where(r => r.Failed).Select(r => r.EngineName).Distinct())
                text.AppendLine(CultureInfo.InvariantCulture, $"| {set.Prepared.Spec.Name} | {engine} | | | | | | | | | **FAILED** |");
            if (set.Failure is not null && !set.Runs.Any(r => r.Failed))
                text.AppendLine(CultureInfo.InvariantCulture, $"| {set.Prepared.Spec.Name} | | | | | | | | | | **FAILED** |");
        }
        text.AppendLine();
        text.AppendLine(FlatnessLine());
        text.AppendLine();
        text.AppendLine("### Targets (DESIGN.md, Performance)");
        text.AppendLine();
        text.AppendLine("| target | measured | verdict |");
        text.AppendLine("|---|---|---|");
        foreach (var (target, measured, verdict) in Targets())
            text.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {verdict} |");

        var failures = results.Where(r => r.Failure is not null).ToList();
        var mismatches = results.SelectMany(r => r.Runs).Where(r => r.Mismatch is not null).ToList();
        if (failures.Count > 0 || mismatches.Count > 0)
        {
            text.AppendLine();
            foreach (var failed in failures)
                text.AppendLine(CultureInfo.InvariantCulture, $"FAILED {failed.Prepared.Spec.Name}: {failed.Failure}");
            foreach (var run in mismatches)
                text.AppendLine(CultureInfo.InvariantCulture, $"MISMATCH {run.Set.Name} run {run.Run}: {run.Mismatch}");
        }
        return text.ToString();
    }

    /// <summary>Every run, for the results file: the medians' raw material and the logs to look at.</summary>
    public string RenderRuns()
    {
        var text = new StringBuilder();
        if (results.Count == 0)
            return "";
        text.AppendLine("### Every run");
        text.AppendLine();
        text.AppendLine("| input set | engine | run | s | CPU s | peak RSS MB | output MB | files | rows | sum(bytes) | log |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var run in results.SelectMany(r => r.Runs))
            text.AppendLine(
                Invariant($"| {run.Set.Name} | {run.EngineName} | {run.Run} | {run.Measure.ElapsedSeconds:F2} | {run.Measure.CpuSeconds:F1} | ") +
                Invariant($"{run.Measure.MaxRssBytes / 1e6:F0} | {run.OutputBytes / 1e6:F1} | {run.OutputFiles:N0} | {run.OutputTotals?.Rows:N0} | ") +
                Invariant($"{run.OutputTotals?.BytesSum} | {run.Log} |"));
        return text.ToString();
    }

    private IEnumerable<(string Target, string Measured, string Verdict)> Targets()
    {
        foreach (var set in results.Where(r => !r.Prepared.Spec.IsLarge))
        {
            var name = set.Prepared.Spec.Name;
            var ours = Summarize(set, Engine.Ours);
            var duckDb = Summarize(set, Engine.DuckDb);
            if (ours is null || duckDb is null)
            {
                yield return ($"throughput ≥ {ThroughputTarget:F1}× DuckDB COPY, {name}", "not measured", set.Failure is null ? "NOT RUN" : "FAILED");
                continue;
            }
            var ratio = duckDb.Seconds / ours.Seconds;
            yield return ($"throughput ≥ {ThroughputTarget:F1}× DuckDB COPY, {name}",
                Invariant($"{Ratio(ours, duckDb)} ({ours.LinesPerSecond:N0} vs {duckDb.LinesPerSecond:N0} lines/s)"), Verdict(ratio >= ThroughputTarget));
        }

        var summaries = results.Select(r => Summarize(r, Engine.Ours)).OfType<Summary>().ToList();
        if (summaries.Count > 0)
        {
            var worst = summaries.MaxBy(s => s.PeakRssBytes)!;
            yield return ($"peak RSS ≤ {RssTargetBytes / 1e6:F0} MB, every set", Invariant($"{worst.PeakRssBytes / 1e6:F0} MB at most ({worst.Set.Prepared.Spec.Name})"),
                Verdict(worst.PeakRssBytes <= RssTargetBytes));
        }
        var growth = Flatness(out var flat);
        yield return (Invariant($"peak RSS flat from v2-text to {InputSetSpec.LargeName} (growth ≤ {FlatGrowthRatio * 100:F0}% or {FlatGrowthBytes / 1e6:F0} MB)"),
            growth ?? "not measured", flat is null ? "NOT RUN" : Verdict(flat.Value));

        foreach (var set in results.Where(r => !r.Prepared.Spec.IsLarge))
        {
            var ours = Summarize(set, Engine.Ours);
            var duckDb = Summarize(set, Engine.DuckDb);
            if (ours is null || duckDb is null)
                continue;
            yield return ($"Parquet output ≤ DuckDB's zstd output, {set.Prepared.Spec.Name}",
                Invariant($"{ours.OutputBytes / 1e6:F2} MB vs {duckDb.OutputBytes / 1e6:F2} MB ({(double)ours.OutputBytes / duckDb.OutputBytes:0.0%})"), Verdict(ours.OutputBytes <= duckDb.OutputBytes));
        }

        var runs = results.SelectMany(r => r.Runs).Where(r => !r.Failed).ToList();
        var mismatched = runs.Count(r => r.Mismatch is not null);
        yield return ("every output holds the input's count(*) and sum(bytes)",
            Invariant($"{runs.Count - mismatched} of {runs.Count} outputs"), mismatched == 0 ? "PASS" : "**MISMATCH**");
    }

    /// <summary>Our peak RSS at 5 M lines against 50 M, in a sentence.</summary>
    private string FlatnessLine()
    {
        var (small, large) = FlatnessPair();
        if (small is null || large is null)
            return $"Memory flatness: not measured (needs both v2-text and {InputSetSpec.LargeName}; --skip-large leaves the latter out).";
        return Invariant($"Memory flatness: flowlogs load peaks at {small.PeakRssBytes / 1e6:F0} MB RSS on {small.Lines:N0} lines (v2-text) ") +
            Invariant($"and at {large.PeakRssBytes / 1e6:F0} MB on {large.Lines:N0} lines ({InputSetSpec.LargeName}): {Flatness(out _)}.");
    }

    /// <summary>The growth from 5 M to 50 M lines; <paramref name="flat"/> is null when either was not measured.</summary>
    private string? Flatness(out bool? flat)
    {
        flat = null;
        var (small, large) = FlatnessPair();
        if (small is null || large is null)
            return null;
        var growth = large.PeakRssBytes - small.PeakRssBytes;
        flat = growth <= Math.Max(FlatGrowthRatio * small.PeakRssBytes, FlatGrowthBytes);
        return Invariant($"{small.PeakRssBytes / 1e6:F0} → {large.PeakRssBytes / 1e6:F0} MB, {growth / 1e6:+0;-0;0} MB ({(double)growth / small.PeakRssBytes:+0.0%;-0.0%;0.0%})");
    }

    private (Summary? Small, Summary? Large) FlatnessPair()
    {
        var small = results.FirstOrDefault(r => r.Prepared.Spec.Name == "v2-text") is { } s ? Summarize(s, Engine.Ours) : null;
        var large = results.FirstOrDefault(r => r.Prepared.Spec.IsLarge) is { } l ? Summarize(l, Engine.Ours) : null;
        return (small, large);
    }

    private static Summary? Summarize(SetResult set, Engine engine)
    {
        var runs = set.Runs.Where(r => r.Engine == engine && !r.Failed).ToList();
        if (runs.Count == 0)
            return null;
        var last = runs[^1];
        return new Summary(
            set, engine, runs.Count,
            Statistics.Median(runs.Select(r => r.Measure.ElapsedSeconds)),
            Statistics.Median(runs.Select(r => r.Measure.CpuSeconds)),
            runs.Max(r => r.Measure.MaxRssBytes),
            last.OutputBytes, last.OutputFiles,
            runs.Any(r => r.Mismatch is not null));
    }

    private static string Ratio(Summary ours, Summary duckDb) => Invariant($"{duckDb.Seconds / ours.Seconds:F2}×");

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
