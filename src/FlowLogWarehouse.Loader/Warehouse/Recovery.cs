using Serilog;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// Brings a warehouse back to a committed state after a crash, before a load starts (under the lock): a batch whose
/// manifest exists is finished (the batches it replaces are retired); any other batch's files are removed.
/// </summary>
internal static class Recovery
{
    public static void Run(WarehouseLayout layout, ILogger log)
    {
        foreach (var temporary in Directory.EnumerateFiles(layout.Meta, "*.tmp", SearchOption.AllDirectories))
            File.Delete(temporary);

        foreach (var path in Directory.EnumerateFiles(layout.Journals, "*.json").Order(StringComparer.Ordinal))
        {
            var journal = AtomicJson.Read<BatchJournal>(path);
            if (File.Exists(layout.ManifestOf(journal.Batch)))
            {
                foreach (var replaced in journal.Replaces)
                    Retire(layout, replaced);
                log.Information("Recovered batch {Batch}: it had committed; finished retiring {Count} replaced batch(es)", journal.Batch, journal.Replaces.Count);
            }
            else
            {
                var removed = journal.Files.Count(f => DeleteFile(layout, f));
                if (journal.Quarantine is not null)
                    DeleteFile(layout, journal.Quarantine);
                log.Warning("Rolled back batch {Batch}: a load stopped before committing it; removed {Removed} of its {Count} file(s)", journal.Batch, removed, journal.Files.Count);
            }
            File.Delete(path);
        }

        foreach (var staging in Directory.EnumerateDirectories(layout.Staging))
        {
            log.Information("Removing staging folder {Folder} left by an interrupted load", Path.GetFileName(staging));
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Removes a committed batch: its files, its quarantine, then its manifest (last, so a crash repeats this).</summary>
    public static void Retire(WarehouseLayout layout, string batch)
    {
        var manifestPath = layout.ManifestOf(batch);
        if (!File.Exists(manifestPath))
            return;
        var manifest = AtomicJson.Read<BatchManifest>(manifestPath);
        foreach (var file in manifest.Files)
            DeleteFile(layout, file.Path);
        if (manifest.Quarantine is not null)
            DeleteFile(layout, manifest.Quarantine);
        File.Delete(manifestPath);
    }

    private static bool DeleteFile(WarehouseLayout layout, string relative)
    {
        var full = layout.Full(relative);
        if (!File.Exists(full))
            return false;
        File.Delete(full);
        PruneEmptyDirectories(layout, Path.GetDirectoryName(full)!);
        return true;
    }

    private static void PruneEmptyDirectories(WarehouseLayout layout, string directory)
    {
        var data = Path.Combine(layout.Root, "AWSLogs");
        while (directory.StartsWith(data + "/", StringComparison.Ordinal) && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
