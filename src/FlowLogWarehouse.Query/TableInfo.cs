namespace FlowLogWarehouse.Query;

/// <summary>
/// What <c>flow_logs</c> holds: its columns by name, the partition keys in path order, and the last hour with data
/// (reports default to the 24 hours before it).
/// </summary>
public sealed record TableInfo(
    IReadOnlyDictionary<string, ValueKind> Columns,
    IReadOnlyList<string> PartitionKeys,
    DateTimeOffset? LatestHour)
{
    public bool HasColumn(string column) => Columns.ContainsKey(column);
}
