using Serilog;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// Brings a warehouse back to a committed state after a crash, before a load starts (under the lock): a batch whose
/// manifest exists is finished (the batches it replaces are retired); any other journaled batch's files are removed.
/// </summary>
internal static class Recovery
{
    public static async Task RunAsync(IWarehouseStore store, ILogger log, CancellationToken cancellationToken)
    {
        await store.CleanLeftoversAsync(cancellationToken);
        foreach (var path in await store.ListJsonAsync(WarehousePaths.Journals, cancellationToken))
        {
            var journal = await store.ReadJsonAsync<BatchJournal>(path, cancellationToken);
            if (journal is null)
                continue;
            if (await store.ReadJsonAsync<BatchManifest>(WarehousePaths.ManifestOf(journal.Batch), cancellationToken) is not null)
            {
                foreach (var replaced in journal.Replaces)
                    await RetireAsync(store, replaced, cancellationToken);
                log.Information("Recovered batch {Batch}: it had committed; finished retiring {Count} replaced batch(es)", journal.Batch, journal.Replaces.Count);
            }
            else
            {
                var removed = await store.DeleteAsync(journal.Files, cancellationToken);
                if (journal.Quarantine is not null)
                    await store.DeleteAsync([journal.Quarantine], cancellationToken);
                log.Warning("Rolled back batch {Batch}: a load stopped before committing it; removed {Removed} of its {Count} file(s)", journal.Batch, removed, journal.Files.Count);
            }
            await store.DeleteAsync([path], cancellationToken);
        }
    }

    /// <summary>Removes a committed batch: its files, its quarantine, then its manifest (last, so a crash repeats this).</summary>
    public static async Task RetireAsync(IWarehouseStore store, string batch, CancellationToken cancellationToken)
    {
        var manifestPath = WarehousePaths.ManifestOf(batch);
        var manifest = await store.ReadJsonAsync<BatchManifest>(manifestPath, cancellationToken);
        if (manifest is null)
            return;
        await store.DeleteAsync(manifest.Files.Select(f => f.Path).ToList(), cancellationToken);
        if (manifest.Quarantine is not null)
            await store.DeleteAsync([manifest.Quarantine], cancellationToken);
        await store.DeleteAsync([manifestPath], cancellationToken);
    }
}
