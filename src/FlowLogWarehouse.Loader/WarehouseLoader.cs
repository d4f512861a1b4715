using System.Diagnostics;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Remote;
using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Sources.S3;
using FlowLogWarehouse.Loader.Warehouse;
using Serilog;

namespace FlowLogWarehouse.Loader;

/// <summary>
/// Loads flow log sources (files, stdin, S3 objects) into a warehouse (a directory or an S3 prefix) as one batch:
/// decide what needs loading, parse and write in staging, then commit (journal, publish, manifest last) — all or
/// nothing, idempotent, crash-safe.
/// </summary>
public static class WarehouseLoader
{
    public static async Task<LoadSummary> LoadAsync(LoadOptions options, ILogger log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        using var s3 = new S3Access(options.Aws, options.Concurrency);
        // Started before LoadOnceAsync is first called: this assembly is not precompiled (see the CLI's project file),
        // and compiling that method took 0.08-0.1 s, which the listing of S3 inputs now spends on the other core.
        await using var pending = PendingSources.Start(options.Inputs, options.Warehouse, options.Days, () => s3.Lister, cancellationToken);
        try
        {
            return await LoadOnceAsync(options, s3, pending, clock, log, cancellationToken);
        }
        catch (S3ReadException e) when (e.Unreachable)
        {
            throw new LoadFailedException($"Reading from S3 stopped: {e.Message}. Nothing was committed; the next run loads what is not loaded yet.");
        }
    }

    private static async Task<LoadSummary> LoadOnceAsync(
        LoadOptions options, S3Access s3, PendingSources pending, Stopwatch clock, ILogger log, CancellationToken cancellationToken)
    {
        var configured = options.Format is null ? FlowLogFormat.Default : FlowLogFormat.Parse(options.Format);
        if (S3Path.IsS3(options.Warehouse) || options.Inputs.Any(S3Path.IsS3))
            log.Debug("AWS settings: {Settings}", options.Aws.ToString());
        await using IWarehouseStore store = S3Path.IsS3(options.Warehouse)
            ? await S3WarehouseStore.OpenAsync(s3.Client, S3Path.Parse(options.Warehouse), options.Concurrency, options.StagingDirectory, cancellationToken) as IWarehouseStore
            : LocalWarehouseStore.Open(options.Warehouse);
        await Recovery.RunAsync(store, log, cancellationToken);
        var index = await ManifestIndex.LoadAsync(store, cancellationToken);
        var granularity = index.GranularityFor(options.Partition, store.Root);

        var sources = await pending.SourcesAsync();
        var lister = s3.ListerIfUsed;
        if (lister is not null)
            log.Debug("Listed {Count} S3 prefix(es): {Prefixes}", lister.Listed.Count, string.Join(", ", lister.Listed.Order(StringComparer.Ordinal)));
        if (options.Days is not null)
            log.Information("Delivery days {Days}: {Count} source(s)", options.Days.ToString(), sources.Count);

        var plan = await LoadPlanner.PlanAsync(sources, index, options.Reload, id => Reopen(id, s3, cancellationToken));
        var outcomes = plan.AlreadyLoaded
            .Select(s => new SourceSummary(s.DisplayName, SourceOutcome.AlreadyLoaded, null, null, 0, 0, 0, 0, null))
            .ToList();
        if (plan.ToLoad.Count == 0)
        {
            log.Information("Nothing to load: {Count} source(s), all already loaded unchanged", plan.AlreadyLoaded.Count);
            return Summary(store, null, true, sources.Count, outcomes, clock, s3, lister);
        }

        using var opener = new SourceOpener(plan.ToLoad.Any(s => s.IsS3) ? s3.Reader : null);
        var (plans, unreadable) = await ProbeAsync(plan.ToLoad, opener, configured, options.Concurrency, cancellationToken);
        outcomes.AddRange(unreadable);
        log.Debug("Probed {Count} source(s) in {Seconds:F2} s", plan.ToLoad.Count, clock.Elapsed.TotalSeconds);
        foreach (var unknown in plans.SelectMany(p => p.Format.UnknownFields).DistinctBy(f => f.Name))
            log.Warning("Field {Field} is not in the catalog; it is kept as the text column {Column}", unknown.Name, unknown.Column);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plans.Count == 0)
                return Summary(store, null, false, sources.Count, outcomes, clock, s3, lister) with { Error = "no source could be read" };
            var failedBeforeRun = outcomes.Count(o => o.Outcome == SourceOutcome.Failed);
            if (failedBeforeRun > 0 && plan.Replaces.Count > 0)
                throw new LoadFailedException($"A source of a reload could not be read ({outcomes.First(o => o.Outcome == SourceOutcome.Failed).Error}); nothing was changed.");

            var batch = BatchId.New();
            var staging = Path.Combine(store.StagingRoot, batch);
            Directory.CreateDirectory(staging);
            var schema = BatchSchema.Union(plans.Select(p => p.Format));
            log.Information("Loading {Count} source(s) as batch {Batch}, a folder per {Partition}", plans.Count, batch, granularity.Name());
            BatchOutput output;
            try
            {
                output = options.Converter is { } converter
                    ? await RemoteBatchRunner.RunAsync(converter, (S3WarehouseStore)store, batch, plans, schema, options, staging, granularity, log, cancellationToken)
                    : await BatchPipeline.RunAsync(plans, schema, opener, staging, batch, options, granularity, cancellationToken);
            }
            catch
            {
                await AbandonAsync(store, staging, batch, options);
                throw;
            }

            log.Debug("Parsed and wrote batch {Batch} at {Seconds:F2} s", batch, clock.Elapsed.TotalSeconds);
            var failed = output.Sources.Where(s => s.Error is not null).ToList();
            foreach (var state in failed.Where(s => s.NeedsOwnProbe))
            {
                log.Information("Source {Source}: {Reason}; probing it on its own", state.Plan.Source.DisplayName, state.Error);
                var (own, error) = await ProbeS3Async(state.Plan.Source, opener, configured, cancellationToken);
                if (own is not null)
                {
                    plans[plans.IndexOf(state.Plan)] = own;
                    state.Error = null;
                }
                else
                {
                    state.Error = error;
                }
            }
            if (failed.Any(s => s.Error is null))
            {
                // Nothing of a mismatched source was used, but the batch's columns may change with its own plan.
                output.Quarantine.Dispose();
                await AbandonAsync(store, staging, batch, options);
                failed = failed.Where(s => s.Error is not null).ToList();
                if (failed.Count == 0)
                    continue;
                // The other failures stand; the batch runs again (locally it would anyway), its failed sources left out.
                output = output with { FailuresIsolated = false };
            }
            if (failed.Count > 0 && output.FailuresIsolated)
            {
                if (plan.Replaces.Count > 0)
                {
                    output.Quarantine.Dispose();
                    await AbandonAsync(store, staging, batch, options);
                    throw new LoadFailedException($"A source of a reload failed ({failed[0].Plan.Source.DisplayName}: {failed[0].Error}); nothing was changed.");
                }
                foreach (var state in failed)
                {
                    log.Error("Source {Source} failed: {Reason}", state.Plan.Source.DisplayName, state.Error);
                    outcomes.Add(Failed(state.Plan.Source, state.Error!, s3));
                }
            }
            else if (failed.Count > 0)
            {
                // Rows of a source that broke midway are mixed into the batch's files: run again without it.
                foreach (var state in failed)
                {
                    log.Error("Source {Source} failed: {Reason}", state.Plan.Source.DisplayName, state.Error);
                    outcomes.Add(Failed(state.Plan.Source, state.Error!, s3));
                }
                output.Quarantine.Dispose();
                await AbandonAsync(store, staging, batch, options);
                plans = plans.Where(p => failed.All(f => f.Plan != p)).ToList();
                // Text from stdin was read once and is gone (Parquet from stdin is kept in a spool file).
                if (plans.Any(p => p.Source.IsStdin && p.Kind != InputKind.Parquet))
                    throw new LoadFailedException(
                        $"{failed[0].Plan.Source.DisplayName} failed midway ({failed[0].Error}), and its rows were mixed into the batch with stdin's, " +
                        "which cannot be read a second time. Nothing was committed; load stdin on its own, or fix or leave out the failing source.");
                continue;
            }

            var loaded = output.Sources.Where(s => s.Error is null).Select(s => new SourceSummary(
                s.Plan.Source.DisplayName, SourceOutcome.Loaded, KindName(s.Plan.Kind), s.Plan.Format.Text,
                s.LinesRead, s.Rows, s.Quarantined, s.Skipped, null) { BytesDownloaded = Downloaded(s.Plan.Source, s3) }).ToList();
            foreach (var entry in output.Quarantine.First)
                log.Warning("Quarantined {Entry}", entry.ToString());

            var bad = loaded.Sum(s => s.Quarantined);
            var records = bad + loaded.Sum(s => s.Rows);
            if (records > 0 && (double)bad / records > options.MaxBadRatio)
            {
                var kept = await BatchCommitter.KeepRejectedQuarantineAsync(store, batch, output.Quarantine, cancellationToken);
                await AbandonAsync(store, staging, batch, options);
                throw new LoadFailedException(
                    $"{bad:N0} of {records:N0} records were bad ({(double)bad / records:P1}, more than --max-bad-ratio {options.MaxBadRatio}); nothing was loaded. " +
                    (kept is null ? "" : $"The bad lines are in {kept}. ") + "Check --format, or raise --max-bad-ratio.");
            }

            if (output.Staged is { Count: 0 } && output.Files.Count == 0 && loaded.Count > 0 && loaded.Sum(s => s.Rows) > 0)
                throw new LoadFailedException($"The {options.Converter!.Name} converter stopped without writing the batch's rows.");
            await BatchCommitter.CommitAsync(store, batch, output, plans, plan.Replaces, log, cancellationToken);
            log.Debug("Committed batch {Batch} at {Seconds:F2} s", batch, clock.Elapsed.TotalSeconds);
            var failures = outcomes.Where(o => o.Outcome == SourceOutcome.Failed).ToList();
            outcomes.AddRange(loaded);
            return Summary(store, batch, true, sources.Count, outcomes, clock, s3, lister) with
            {
                Files = output.Files,
                Replaced = plan.Replaces,
                Quarantine = bad > 0 ? WarehousePaths.QuarantineOf(batch) : null,
                Error = failures.Count > 0 ? $"{failures.Count} source(s) failed; the rest was loaded" : null,
            };
        }
    }

    /// <summary>
    /// Decides each source's kind and format from its first bytes. S3 objects are probed concurrently from a ranged
    /// GET of their head, one object per flow log (the others inherit its plan, checked when they are read); files
    /// and stdin one after another (stdin's bytes are kept for the real read).
    /// </summary>
    private static async Task<(List<SourcePlan> Plans, List<SourceSummary> Unreadable)> ProbeAsync(
        IReadOnlyList<SourceFile> sources, SourceOpener opener, FlowLogFormat configured, int concurrency, CancellationToken cancellationToken)
    {
        var plans = new SourcePlan?[sources.Count];
        var errors = new string?[sources.Count];
        var groups = Enumerable.Range(0, sources.Count).Where(i => sources[i].IsS3)
            .GroupBy(i => FlowLogObjects.GroupOf(sources[i]) ?? sources[i].Id)
            .ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (group, token) =>
        {
            var members = group.ToList();
            // The first member that can be read speaks for the group; one that cannot fails alone.
            foreach (var i in members)
            {
                var (plan, error) = await ProbeS3Async(sources[i], opener, configured, token);
                plans[i] = plan;
                errors[i] = error;
                if (plan is null)
                    continue;
                var shareable = plan.Kind == InputKind.Parquet || (plan.Kind == InputKind.Text && plan.HasHeader);
                foreach (var other in members.Where(m => m > i && shareable))
                    plans[other] = plan with { Source = sources[other], Inherited = true };
                if (shareable)
                    break;
            }
        });
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].IsS3)
                continue;
            try
            {
                plans[i] = SourceProbe.Probe(sources[i], opener, configured);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                errors[i] = ChunkReader.Describe(e);
            }
        }
        var unreadable = Enumerable.Range(0, sources.Count).Where(i => errors[i] is not null)
            .Select(i => new SourceSummary(sources[i].DisplayName, SourceOutcome.Failed, null, null, 0, 0, 0, 0, errors[i])).ToList();
        // One format object per distinct header: every local file is probed on its own, and thousands of five-minute
        // files each kept their own copy of the same field list and text.
        var formats = new Dictionary<FlowLogFormat, FlowLogFormat>();
        var shared = plans.OfType<SourcePlan>().Select(plan =>
        {
            if (formats.TryAdd(plan.Format, plan.Format))
                return plan;
            var format = formats[plan.Format];
            return ReferenceEquals(format, plan.Format) ? plan : plan with { Format = format };
        }).ToList();
        return (shared, unreadable);
    }

    private static async Task<(SourcePlan? Plan, string? Error)> ProbeS3Async(SourceFile source, SourceOpener opener, FlowLogFormat configured, CancellationToken cancellationToken)
    {
        try
        {
            await using var head = await opener.S3!.OpenHeadAsync(source, cancellationToken);
            using var decoded = SourceOpener.Decode(head);
            return (SourceProbe.Probe(source, decoded, configured, cutHead: true), null);
        }
        catch (Exception e) when ((e is IOException or InvalidDataException) && e is not S3ReadException { Unreachable: true })
        {
            return (null, ChunkReader.Describe(e));
        }
    }

    private static async Task<SourceFile?> Reopen(string id, S3Access s3, CancellationToken cancellationToken)
    {
        if (S3Path.IsS3(id))
            return await s3.HeadAsync(id, cancellationToken);
        var path = id.StartsWith("file://", StringComparison.Ordinal) ? id["file://".Length..] : null;
        return path is not null && File.Exists(path) ? SourceFile.ForFile(new FileInfo(path)) : null;
    }

    private static long? Downloaded(SourceFile source, S3Access s3) =>
        source.IsS3 ? s3.ReaderIfUsed?.BytesOf(source) ?? 0 : null;

    private static SourceSummary Failed(SourceFile source, string error, S3Access s3) =>
        new(source.DisplayName, SourceOutcome.Failed, null, null, 0, 0, 0, 0, error) { BytesDownloaded = Downloaded(source, s3) };

    private static string KindName(InputKind kind) => kind switch
    {
        InputKind.Text => "text",
        InputKind.CloudWatchExport => "cloudwatch-export",
        InputKind.Parquet => "parquet",
        _ => "json",
    };

    private static LoadSummary Summary(
        IWarehouseStore store, string? batch, bool committed, int listed, List<SourceSummary> sources, Stopwatch clock, S3Access s3, S3SourceLister? lister) => new()
    {
        ListedPrefixes = lister?.Listed.Order(StringComparer.Ordinal).ToList() ?? [],
        Batch = batch,
        Warehouse = store.Root,
        Committed = committed,
        SourcesListed = listed,
        Sources = sources,
        BytesDownloaded = s3.ReaderIfUsed?.BytesDownloaded ?? 0,
        ElapsedSeconds = clock.Elapsed.TotalSeconds,
        PeakRssBytes = PeakRss.Bytes(),
    };

    /// <summary>Drops a batch that will not commit: its local staging, and a remote converter's output.</summary>
    private static async Task AbandonAsync(IWarehouseStore store, string staging, string batch, LoadOptions options)
    {
        TryDelete(staging);
        if (options.Converter is not null)
            await store.DeleteFolderAsync(WarehousePaths.RemoteOf(batch), CancellationToken.None);
    }

    private static void TryDelete(string directory)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }
}
