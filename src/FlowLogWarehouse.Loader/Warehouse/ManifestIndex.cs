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
