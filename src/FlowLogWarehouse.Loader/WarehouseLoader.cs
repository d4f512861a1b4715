using System.Diagnostics;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Warehouse;
using Serilog;

namespace FlowLogWarehouse.Loader;

/// <summary>
/// Loads flow log sources into a local warehouse as one batch: decide what needs loading, parse and write in
/// staging, then commit (journal, rename into place, manifest last) — all or nothing, idempotent, crash-safe.
/// </summary>
public static class WarehouseLoader
{
    public static async Task<LoadSummary> LoadAsync(LoadOptions options, ILogger log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var configured = options.Format is null ? FlowLogFormat.Default : FlowLogFormat.Parse(options.Format);
        var layout = new WarehouseLayout(options.Warehouse);
        layout.EnsureCreated();
        using var warehouseLock = WarehouseLock.Acquire(layout);
        Recovery.Run(layout, log);
        var index = ManifestIndex.Load(layout);
        var sources = SourceResolver.Resolve(options.Inputs, layout.Root);

        var plan = LoadPlanner.Plan(sources, index, options.Reload);
        var outcomes = plan.AlreadyLoaded
            .Select(s => new SourceSummary(s.DisplayName, SourceOutcome.AlreadyLoaded, null, null, 0, 0, 0, 0, null))
            .ToList();
        if (plan.ToLoad.Count == 0)
        {
            log.Information("Nothing to load: {Count} source(s), all already loaded unchanged", plan.AlreadyLoaded.Count);
            return Summary(layout, null, true, outcomes, clock);
        }

        using var opener = new SourceOpener();
        var plans = new List<SourcePlan>();
        foreach (var source in plan.ToLoad)
        {
            try
            {
                plans.Add(SourceProbe.Probe(source, opener, configured));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                outcomes.Add(Failed(source, ChunkReader.Describe(e)));
            }
        }
        log.Debug("Probed {Count} source(s) in {Seconds:F2} s", plan.ToLoad.Count, clock.Elapsed.TotalSeconds);
        foreach (var unknown in plans.SelectMany(p => p.Format.UnknownFields).DistinctBy(f => f.Name))
            log.Warning("Field {Field} is not in the catalog; it is kept as the text column {Column}", unknown.Name, unknown.Column);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plans.Count == 0)
                return Summary(layout, null, false, outcomes, clock) with { Error = "no source could be read" };
            var failedBeforeRun = outcomes.Count(o => o.Outcome == SourceOutcome.Failed);
            if (failedBeforeRun > 0 && plan.Replaces.Count > 0)
                throw new LoadFailedException($"A source of a reload could not be read ({outcomes.First(o => o.Outcome == SourceOutcome.Failed).Error}); nothing was changed.");

            var batch = BatchId.New();
            var staging = layout.StagingOf(batch);
            Directory.CreateDirectory(staging);
            var schema = BatchSchema.Union(plans.Select(p => p.Format));
            log.Information("Loading {Count} source(s) as batch {Batch}", plans.Count, batch);
            BatchOutput output;
            try
            {
                output = await BatchPipeline.RunAsync(plans, schema, opener, staging, batch, options, cancellationToken);
            }
            catch
            {
                TryDelete(staging);
                throw;
            }

            log.Debug("Parsed and wrote batch {Batch} at {Seconds:F2} s", batch, clock.Elapsed.TotalSeconds);
            var failed = output.Sources.Where(s => s.Error is not null).ToList();
            if (failed.Count > 0)
            {
                // Rows of a source that broke midway are mixed into the batch's files: run again without it.
                foreach (var state in failed)
                {
                    log.Error("Source {Source} failed: {Reason}", state.Plan.Source.DisplayName, state.Error);
                    outcomes.Add(Failed(state.Plan.Source, state.Error!));
                }
                output.Quarantine.Dispose();
                TryDelete(staging);
                plans = plans.Where(p => failed.All(f => f.Plan != p)).ToList();
                continue;
            }

            var loaded = output.Sources.Select(s => new SourceSummary(
                s.Plan.Source.DisplayName, SourceOutcome.Loaded, KindName(s.Plan.Kind), s.Plan.Format.Text,
                s.LinesRead, s.Rows, s.Quarantined, s.Skipped, null)).ToList();
            foreach (var entry in output.Quarantine.First)
                log.Warning("Quarantined {Entry}", entry.ToString());

            var bad = loaded.Sum(s => s.Quarantined);
            var records = bad + loaded.Sum(s => s.Rows);
            if (records > 0 && (double)bad / records > options.MaxBadRatio)
            {
                var kept = BatchCommitter.KeepRejectedQuarantine(layout, batch, output.Quarantine);
                TryDelete(staging);
                throw new LoadFailedException(
                    $"{bad:N0} of {records:N0} records were bad ({(double)bad / records:P1}, more than --max-bad-ratio {options.MaxBadRatio}); nothing was loaded. " +
                    (kept is null ? "" : $"The bad lines are in {kept}. ") + "Check --format, or raise --max-bad-ratio.");
            }

            BatchCommitter.Commit(layout, batch, output, plans, plan.Replaces, log);
            log.Debug("Committed batch {Batch} at {Seconds:F2} s", batch, clock.Elapsed.TotalSeconds);
            var failures = outcomes.Where(o => o.Outcome == SourceOutcome.Failed).ToList();
            outcomes.AddRange(loaded);
            return Summary(layout, batch, true, outcomes, clock) with
            {
                Files = output.Files,
                Replaced = plan.Replaces,
                Quarantine = bad > 0 ? layout.QuarantineOf(batch) : null,
                Error = failures.Count > 0 ? $"{failures.Count} source(s) failed; the rest was loaded" : null,
            };
        }
    }

    private static SourceSummary Failed(SourceFile source, string error) =>
        new(source.DisplayName, SourceOutcome.Failed, null, null, 0, 0, 0, 0, error);

    private static string KindName(InputKind kind) => kind switch
    {
        InputKind.Text => "text",
        InputKind.CloudWatchExport => "cloudwatch-export",
        InputKind.Parquet => "parquet",
        _ => "json",
    };

    private static LoadSummary Summary(WarehouseLayout layout, string? batch, bool committed, List<SourceSummary> sources, Stopwatch clock) => new()
    {
        Batch = batch,
        Warehouse = layout.Root,
        Committed = committed,
        Sources = sources,
        ElapsedSeconds = clock.Elapsed.TotalSeconds,
        PeakRssBytes = PeakRss.Bytes(),
    };

    private static void TryDelete(string directory)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }
}
