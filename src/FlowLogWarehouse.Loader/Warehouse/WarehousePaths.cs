namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// Where things live in a warehouse, relative to its root (a directory or an S3 prefix). Data under <c>AWSLogs/</c>;
/// bookkeeping under <c>_flowlogs/</c>, which Athena and our globs ignore because its name starts with '_'.
/// </summary>
internal static class WarehousePaths
{
    public const string Data = "AWSLogs";
    public const string Meta = "_flowlogs";
    public const string Manifests = Meta + "/manifest";
    public const string Journals = Meta + "/journal";
    public const string Quarantine = Meta + "/quarantine";

    /// <summary>What remote converters (Athena) write before the loader moves it into place; empty between loads.</summary>
    public const string Remote = Meta + "/remote";

    public static string RemoteOf(string batch) => $"{Remote}/{batch}";

    public static string ManifestOf(string batch) => $"{Manifests}/{batch}.json";

    public static string JournalOf(string batch) => $"{Journals}/{batch}.json";

    public static string QuarantineOf(string batch) => $"{Quarantine}/{batch}.jsonl";

    /// <summary>Bad lines of a load refused for too many of them: kept for reading, never part of the warehouse.</summary>
    public static string RejectedQuarantineOf(string batch) => $"{Quarantine}/{batch}.rejected.jsonl";
}
