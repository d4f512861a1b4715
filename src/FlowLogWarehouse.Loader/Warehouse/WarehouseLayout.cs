namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// Where things live in a warehouse. Data under <c>AWSLogs/</c>; bookkeeping under <c>_flowlogs/</c>, which Athena
/// and our globs ignore because its name starts with '_'.
/// </summary>
public sealed class WarehouseLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Meta => Path.Combine(Root, "_flowlogs");

    public string Manifests => Path.Combine(Meta, "manifest");

    public string Journals => Path.Combine(Meta, "journal");

    public string Staging => Path.Combine(Meta, "staging");

    public string Quarantine => Path.Combine(Meta, "quarantine");

    public string LockFile => Path.Combine(Meta, "lock");

    public string ManifestOf(string batch) => Path.Combine(Manifests, batch + ".json");

    public string JournalOf(string batch) => Path.Combine(Journals, batch + ".json");

    public string StagingOf(string batch) => Path.Combine(Staging, batch);

    /// <summary>Relative to the root, as recorded in manifests.</summary>
    public string QuarantineOf(string batch) => $"_flowlogs/quarantine/{batch}.jsonl";

    public string Full(string relative) => Path.Combine(Root, relative);

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Manifests);
        Directory.CreateDirectory(Journals);
        Directory.CreateDirectory(Staging);
        Directory.CreateDirectory(Quarantine);
    }
}
