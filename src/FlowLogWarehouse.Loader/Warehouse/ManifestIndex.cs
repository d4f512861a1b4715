namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>Every committed batch of a warehouse, and which batch holds each source.</summary>
internal sealed class ManifestIndex
{
    private readonly Dictionary<string, BatchManifest> _batches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ManifestSource Source, string Batch)> _sources = new(StringComparer.Ordinal);

    public static ManifestIndex Load(WarehouseLayout layout)
    {
        var index = new ManifestIndex();
        if (!Directory.Exists(layout.Manifests))
            return index;
        foreach (var path in Directory.EnumerateFiles(layout.Manifests, "*.json").Order(StringComparer.Ordinal))
        {
            BatchManifest manifest;
            try
            {
                manifest = AtomicJson.Read<BatchManifest>(path);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new LoadFailedException($"The manifest {path} is not valid JSON ({e.Message}). It was edited or damaged outside FlowLogWarehouse; restore it or remove the batch's files and the manifest together.");
            }
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
