using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>Every committed batch of a warehouse, and which batch holds each source.</summary>
internal sealed class ManifestIndex
{
    private readonly Dictionary<string, BatchManifest> _batches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ManifestSource Source, string Batch)> _sources = new(StringComparer.Ordinal);

    public static async Task<ManifestIndex> LoadAsync(IWarehouseStore store, CancellationToken cancellationToken)
    {
        var index = new ManifestIndex();
        foreach (var path in await store.ListJsonAsync(WarehousePaths.Manifests, cancellationToken))
        {
            BatchManifest? manifest;
            try
            {
                manifest = await store.ReadJsonAsync<BatchManifest>(path, cancellationToken);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new LoadFailedException($"The manifest {path} of {store.Root} is not valid JSON ({e.Message}). It was edited or damaged outside FlowLogWarehouse; restore it or remove the batch's files and the manifest together.");
            }
            if (manifest is null)
                continue;
            index._batches[manifest.Batch] = manifest;
            foreach (var source in manifest.Sources)
                index._sources[source.Id] = (source, manifest.Batch);
        }
        return index;
    }

    public int BatchCount => _batches.Count;

    /// <summary>The layout of the committed files, per hour or per day; null while the warehouse has none.</summary>
    public PartitionGranularity? Granularity =>
        _batches.Values.SelectMany(b => b.Files).Select(f => (PartitionGranularity?)PartitionGranularities.OfPath(f.Path)).FirstOrDefault();

    /// <summary>
    /// The layout a load writes: the one asked for, else the warehouse's, else per hour. Two layouts in one warehouse
    /// would give its folders two sets of partition keys, which neither DuckDB's scan nor an Athena table can read.
    /// </summary>
    public PartitionGranularity GranularityFor(PartitionGranularity? requested, string warehouse)
    {
        var existing = Granularity;
        if (requested is { } asked && existing is { } held && asked != held)
            throw new ArgumentException(
                $"The warehouse {warehouse} is partitioned per {held.Name()}; --partition {asked.Name()} would mix two layouts in it. " +
                $"Load it with --partition {held.Name()} (or without --partition), or into a new warehouse.");
        return requested ?? existing ?? PartitionGranularity.Hour;
    }

    public bool TryGetSource(string id, out ManifestSource source, out string batch)
    {
        if (_sources.TryGetValue(id, out var entry))
        {
            (source, batch) = entry;
            return true;
        }
        source = null!;
        batch = null!;
        return false;
    }

    public BatchManifest Batch(string id) => _batches[id];
}
