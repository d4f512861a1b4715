using System.Diagnostics;
using DuckDB.NET.Data;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// Embedded DuckDB over a local warehouse: an in-memory database whose <c>flow_logs</c> view reads the warehouse's
/// Parquet files with Hive partitioning (union by name, so files of different formats mix) and whose macros accept
/// the reports' Trino SQL. Nothing is ever written to the warehouse.
/// </summary>
public sealed class DuckDbEngine : IQueryEngine
{
    private readonly DuckDBConnection _connection;
    private readonly WarehouseScan _scan;
    private readonly string _temporary;

    private DuckDbEngine(DuckDBConnection connection, WarehouseScan scan, string temporary)
    {
        _connection = connection;
        _scan = scan;
        _temporary = temporary;
    }

    public string Name => "duckdb";

    /// <summary>Opens <paramref name="warehouse"/>; a missing or empty warehouse is a <see cref="QueryException"/>.</summary>
    public static DuckDbEngine Open(string warehouse)
    {
        if (!Directory.Exists(warehouse))
            throw new QueryException($"warehouse '{warehouse}' does not exist");
        var scan = WarehouseScan.Find(warehouse)
            ?? throw new QueryException(
                $"warehouse '{warehouse}' holds no flow logs: no Parquet file under {Path.Combine(warehouse, WarehouseScan.DataFolder)}. " +
                $"Load some first: flowlogs load <input> --warehouse {warehouse}");

        return Create(scan, (connection, temporary) => ViewDefinition(connection, warehouse, scan, temporary));
    }

    /// <summary>
    /// An engine whose flow_logs is the view <paramref name="createView"/> makes, for the benchmark's baseline: the
    /// same reports over raw text. <paramref name="scan"/> stands in for the warehouse's layout.
    /// </summary>
    internal static DuckDbEngine OpenView(WarehouseScan scan, string createView) => Create(scan, (_, _) => createView);

    private static DuckDbEngine Create(WarehouseScan scan, Func<DuckDBConnection, string, string> viewDefinition)
    {
        // Large sorts and joins spill here rather than into the working directory.
        var temporary = Path.Combine(Path.GetTempPath(), $"flowlogs-duckdb-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Run(connection, "SET temp_directory = $path", new DuckDBParameter("path", temporary));
            foreach (var macro in DuckDbCompatibility.Macros)
                Run(connection, macro);
            Run(connection, viewDefinition(connection, temporary));
            return new DuckDbEngine(connection, scan, temporary);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A warehouse of ours reads exactly the files its manifests commit, one read_parquet per set of columns, joined
    /// by name. DuckDB takes a scan's columns from its first file: that is an empty file of the group's columns,
    /// made here, in a partition no window reaches, so no warehouse file is opened until a query's partitions ask
    /// for it. A warehouse without manifests (AWS's own delivery) is read by glob with union_by_name, which opens
    /// every file's footer to learn its columns. File lists travel as bound variables, never as SQL text.
    /// </summary>
    private static string ViewDefinition(DuckDBConnection connection, string warehouse, WarehouseScan scan, string temporary)
    {
        var types = scan.HiveTypes;
        var groups = ManifestFiles.Read(warehouse)?.Where(g => g.Files.Count > 0).ToList();
        if (groups is null || groups.Count == 0)
        {
            Run(connection, "SET VARIABLE flowlogs_files_0 = $files", new DuckDBParameter("files", scan.Glob));
            return $"CREATE VIEW flow_logs AS {Scan(0, types, unionByName: true)}";
        }
        var scans = new List<string>();
        foreach (var group in groups)
        {
            var template = SchemaTemplate.Write(connection, Path.Combine(temporary, $"schema-{scans.Count}"), scan.PartitionKeys, group.Fields);
            var files = group.Files.Select(f => Path.GetFullPath(Path.Combine(warehouse, f))).Prepend(template).ToArray();
            Run(connection, $"SET VARIABLE flowlogs_files_{scans.Count} = $files", new DuckDBParameter("files", files));
            scans.Add(Scan(scans.Count, types, unionByName: false));
        }
        return "CREATE VIEW flow_logs AS " + string.Join(" UNION ALL BY NAME ", scans);
    }

    private static string Scan(int variable, string hiveTypes, bool unionByName) =>
        $"SELECT * FROM read_parquet(getvariable('flowlogs_files_{variable}'), hive_partitioning = true, " +
        $"union_by_name = {(unionByName ? "true" : "false")}, hive_types = {{{hiveTypes}}})";

    internal static void Run(DuckDBConnection connection, string sql, params DuckDBParameter[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        command.ExecuteNonQuery();
    }

    // An empty result carries the view's columns typed the way every result is: one mapping of DuckDB types.
    public async Task<TableInfo> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var result = await ExecuteAsync(new QueryRequest("SELECT * FROM flow_logs LIMIT 0"), cancellationToken);
        var columns = result.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        return new TableInfo(columns, _scan.PartitionKeys, _scan.LatestHour);
    }

    public SqlFragment WindowPredicate(TableInfo table, TimeWindow window, string? alias = null) =>
        PartitionWindow.Predicate(table.PartitionKeys.Where(WarehouseScan.IsTimeKey).ToList(), window, alias);

    public Task<IQueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (sql, names) = SqlPlaceholders.Rewrite(request.Sql, name => "$" + name);
        var values = request.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var missing = names.Where(n => !values.ContainsKey(n)).Distinct().ToList();
        if (missing.Count > 0)
            throw new QueryException("no value for parameter(s) " + string.Join(", ", missing.Select(m => ":" + m)));

        StatementGuard.Check(_connection, sql);
        var command = _connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            command.UseStreamingMode = true;
            foreach (var name in names.Distinct())
                command.Parameters.Add(new DuckDBParameter(name, DuckDbValues.ToParameter(values[name])));
            var stopwatch = Stopwatch.StartNew();
            var registration = cancellationToken.Register(command.Cancel);
            DuckDBDataReader reader;
            try
            {
                reader = (DuckDBDataReader)command.ExecuteReader();
            }
            catch (DuckDBException e)
            {
                registration.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw new QueryException(DuckDbValues.Message(e), e);
            }
            return Task.FromResult<IQueryResult>(new DuckDbResult(command, reader, registration, stopwatch));
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        try
        {
            if (Directory.Exists(_temporary))
                Directory.Delete(_temporary, recursive: true);
        }
        catch (IOException)
        {
            // Spill files of a query still being torn down; the system's temp cleaning takes them.
        }
        return ValueTask.CompletedTask;
    }
}
