using DuckDB.NET.Data;
using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// An empty Parquet file with a group's columns and the catalog's types, placed under Hive folders of the year 1
/// (which no window reaches), to stand first in a scan's file list and give DuckDB the scan's columns.
/// </summary>
internal static class SchemaTemplate
{
    public static string Write(DuckDBConnection connection, string directory, IReadOnlyList<string> partitionKeys, IReadOnlyList<FlowLogField> fields)
    {
        var folder = partitionKeys.Aggregate(directory, (path, key) => Path.Combine(path, $"{key}={(WarehouseScan.IsTimeKey(key) ? "1" : "schema")}"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "schema.parquet");
        // Column names come from the catalog or a loaded header, never from a query; quoting keeps any of them intact.
        var columns = string.Join(", ", fields.Select(f => $"CAST(NULL AS {SqlType(f.Type)}) AS \"{f.Column.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        DuckDbEngine.Run(connection, $"COPY (SELECT {columns} WHERE false) TO $file (FORMAT parquet)", new DuckDBParameter("file", file));
        return file;
    }

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Int32 => "INTEGER",
        FieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };
}
