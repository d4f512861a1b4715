using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Warehouse;
using Serilog;

namespace FlowLogWarehouse.Loader;

/// <summary>
/// Makes a staged batch part of the warehouse. Order matters for crash safety: journal (what will appear), files
/// published, manifest (the commit point), replaced batches retired, journal removed. Recovery undoes a batch whose
/// manifest is missing and finishes one whose manifest exists.
/// </summary>
internal static class BatchCommitter
{
    public static async Task CommitAsync(
        IWarehouseStore store, string batch, BatchOutput output, IReadOnlyList<SourcePlan> plans, IReadOnlyList<string> replaces,
        ILogger log, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(store.StagingRoot, batch);
        var quarantine = output.Quarantine.Complete() ? WarehousePaths.QuarantineOf(batch) : null;
        FaultInjection.At("before-journal");
        var journal = new BatchJournal(batch, output.Files.Select(f => f.Path).ToList(), replaces, quarantine);
        await store.WriteJsonAsync(WarehousePaths.JournalOf(batch), journal, cancellationToken);
        FaultInjection.At("after-journal");

        var staged = output.Staged?.ToList() ?? output.Files.Select(f => new StagedFile(Path.Combine(staging, f.Path), f.Path)).ToList();
        if (quarantine is not null)
            staged.Add(new StagedFile(output.Quarantine.Path, quarantine));
        await store.PublishAsync(staged, cancellationToken);
        FaultInjection.At("before-manifest");

        var manifest = new BatchManifest
        {
            Batch = batch,
            CommittedAtUtc = DateTime.UtcNow,
            Tool = "flowlogs " + typeof(BatchCommitter).Assembly.GetName().Version,
            Sources = output.Sources.Where(s => s.Error is null).Select(s => new ManifestSource(
                s.Plan.Source.IsStdin ? "stdin:" + batch : s.Plan.Source.Id,
                s.Plan.Source.Size, s.Plan.Source.LastModifiedUtc, s.Plan.Kind.ToString(), s.Plan.Format.Text,
                s.LinesRead, s.Rows, s.Quarantined, s.Skipped) { ETag = s.Plan.Source.ETag }).ToList(),
            Files = output.Files,
            Replaces = replaces,
            Quarantine = quarantine,
        };
        // Not cancellable from here on: the batch is published and the manifest is its commit point.
        await store.WriteJsonAsync(WarehousePaths.ManifestOf(batch), manifest, CancellationToken.None);
        FaultInjection.At("after-manifest");

        foreach (var replaced in replaces)
        {
            await Recovery.RetireAsync(store, replaced, CancellationToken.None);
            log.Information("Replaced batch {Replaced}", replaced);
        }
        FaultInjection.At("after-retire");
        await store.DeleteAsync([WarehousePaths.JournalOf(batch)], CancellationToken.None);
        Directory.Delete(staging, recursive: true);
        if (output.Staged is not null)
            await store.DeleteFolderAsync(WarehousePaths.RemoteOf(batch), CancellationToken.None);
    }

    /// <summary>A load that failed on too many bad lines keeps them, so they can be read and fixed.</summary>
    public static async Task<string?> KeepRejectedQuarantineAsync(IWarehouseStore store, string batch, QuarantineSink quarantine, CancellationToken cancellationToken)
    {
        if (!quarantine.Complete())
            return null;
        var relative = WarehousePaths.RejectedQuarantineOf(batch);
        await store.PublishAsync([new StagedFile(quarantine.Path, relative)], cancellationToken);
        return relative;
    }
}
