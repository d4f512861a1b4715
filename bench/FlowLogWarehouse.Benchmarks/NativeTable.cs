using DuckDB.NET.Data;
using FlowLogWarehouse.Query.DuckDb;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// The reports' reference point: the warehouse's rows copied into a table of DuckDB's own storage
/// (<c>reports-warehouse.duckdb</c> beside the warehouse), the reports run over it as over the warehouse. Nothing is
/// decoded from Parquet there, so when a report over this table is also slower than 1/20 of the raw text's time, what
/// misses the target is the query's own work (its aggregation, its joins) on this machine, not the warehouse's files.
/// </summary>
internal static class NativeTable
{
    /// <summary>
    /// The table's database file, made again when the warehouse was (its marker, copied beside the database, no longer
    /// matches), else reused.
    /// </summary>
    public static string Prepare(LoadedWarehouse warehouse, WarehouseScan scan)
    {
        var path = warehouse.Directory + ".duckdb";
        var stamp = path + ".json";
        var marker = File.ReadAllText(warehouse.Directory + ".json");
        if (File.Exists(path) && File.Exists(stamp) && File.ReadAllText(stamp) == marker)
        {
            Console.WriteLine($"  DuckDB table {path}: present, copied from this warehouse");
            return path;
        }
        File.Delete(stamp);
        File.Delete(path);
        File.Delete(path + ".wal");
        Console.Write($"  copying the warehouse into a DuckDB table ({path}) … ");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Typed like the engine's view: an account id stays text, the time keys are integers.
            command.CommandText =
                $"CREATE TABLE flow_logs AS SELECT * FROM read_parquet({DuckDbSql.Literal(scan.Glob)}, hive_partitioning = true, " +
                $"union_by_name = true, hive_types = {{{scan.HiveTypes}}}); CHECKPOINT";
            command.ExecuteNonQuery();
        }
        File.WriteAllText(stamp, marker);
        Console.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F0} s");
        return path;
    }

    /// <summary>The engine's flow_logs: the table, attached read-only.</summary>
    public static string CreateView(string path) =>
        $"ATTACH {DuckDbSql.Literal(path)} AS native (READ_ONLY); CREATE VIEW flow_logs AS SELECT * FROM native.flow_logs";
}
