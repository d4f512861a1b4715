using DuckDB.NET.Data;

namespace FlowLogWarehouse.TestSupport;

/// <summary>Reads a warehouse back with DuckDB, independently of our own Parquet code.</summary>
public static class DuckDbQuery
{
    /// <summary>Glob of a local warehouse's data files, as the query engine will read them.</summary>
    public static string DataGlob(string warehouse) => Path.Combine(warehouse, "AWSLogs", "**", "*.parquet");

    public static List<object?[]> Rows(string sql, params object?[] parameters)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p!));
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static object? Scalar(string sql, params object?[] parameters) => Rows(sql, parameters).Single()[0];

    public static long Long(string sql, params object?[] parameters) => ToLong(Scalar(sql, parameters));

    /// <summary>DuckDB's sum() of BIGINT is a HUGEINT, which arrives as a BigInteger.</summary>
    public static long ToLong(object? value) => value switch
    {
        null => 0,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
