using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Athena.Load;

/// <summary>
/// One raw table of a load: a folder of delivered objects sharing a format, and what their keys say for records that
/// lack it (account, region, the delivery hour).
/// </summary>
public sealed record RawFolder(
    string Database, string Table, string Location, FlowLogFormat Format,
    string? KeyAccount, string? KeyRegion, long? FallbackSeconds, string DefaultAccount, string DefaultRegion)
{
    public string QualifiedTable => $"\"{Database}\".\"{Table}\"";
}
