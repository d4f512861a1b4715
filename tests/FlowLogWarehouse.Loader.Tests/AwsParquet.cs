using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>Parquet inputs shaped like AWS's Parquet delivery, written by DuckDB rather than by our own Parquet code.</summary>
internal static class AwsParquet
{
    /// <summary>The records of a text file with this header line: catalog types (unknown fields as text), '-' as null.</summary>
    public static string FromText(string path, string header, params string[] lines)
    {
        var names = header.Split(' ');
        var columns = names.Select((name, i) => $"CAST(c{i} AS {SqlType(name)}) AS \"{FlowLogField.ColumnNameFor(name)}\"");
        var rows = lines.Select(line => "(" + string.Join(", ", line.Split(' ').Select(Literal)) + ")");
        return FromQuery(path, $"SELECT {string.Join(", ", columns)} FROM (VALUES {string.Join(", ", rows)}) t({string.Join(", ", names.Select((_, i) => $"c{i}"))})");
    }

    public static string FromQuery(string path, string select, int? rowGroupRows = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DuckDbQuery.Rows($"COPY ({select}) TO '{path}' (FORMAT parquet{(rowGroupRows is { } n ? $", ROW_GROUP_SIZE {n}" : "")})");
        return path;
    }

    public static long RowGroups(string path) => DuckDbQuery.Long("SELECT count(DISTINCT row_group_id) FROM parquet_metadata($1)", path);

    private static string SqlType(string name) => !FieldCatalog.TryGet(name, out var field) ? "VARCHAR" : field.Type switch
    {
        FieldType.Int32 => "INTEGER",
        FieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };

    private static string Literal(string token) => token == "-" ? "NULL" : "'" + token.Replace("'", "''") + "'";
}
