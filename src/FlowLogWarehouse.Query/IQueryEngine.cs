namespace FlowLogWarehouse.Query;

/// <summary>
/// Where SQL over the <c>flow_logs</c> table runs: embedded DuckDB over a local warehouse, or Amazon Athena.
/// Callers write Trino SQL with <c>:name</c> placeholders; each engine binds them its own way, never by splicing.
/// </summary>
public interface IQueryEngine : IAsyncDisposable
{
    /// <summary>"duckdb" or "athena": picks a report's override file and appears in messages.</summary>
    string Name { get; }

    /// <summary>The columns of <c>flow_logs</c>, its partition keys, and how far its data reaches.</summary>
    Task<TableInfo> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A predicate that keeps rows whose <c>start</c> lies in <paramref name="window"/>, written so the engine reads
    /// only the partitions of those hours. <paramref name="alias"/> qualifies the columns when the query needs it.
    /// </summary>
    SqlFragment WindowPredicate(TableInfo table, TimeWindow window, string? alias = null);

    /// <summary>Runs one read-only statement. Statements that would change anything are refused.</summary>
    Task<IQueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken);
}
