using System.Globalization;
using DuckDB.NET.Data;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>A fresh in-memory DuckDB per use, spilling (if it must) under the given directory.</summary>
internal sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDb(string tempDirectory)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        // An in-memory database spills to ./.tmp by default: keep that out of the repository.
        Execute($"SET temp_directory = {DuckDbSql.Literal(tempDirectory)}");
    }

    public long Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public string Version()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "unknown";
    }

    /// <summary>Runs a <c>SELECT count(*), CAST(sum(bytes) AS VARCHAR)</c> query.</summary>
    public Totals QueryTotals(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new InvalidOperationException("A count(*) query returned no row.");
        var rows = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var bytesSum = reader.IsDBNull(1) ? null : reader.GetString(1);
        return new Totals(rows, bytesSum);
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>Rows and sum(bytes) (exact, as text; null when the format has no bytes field or no rows).</summary>
internal sealed record Totals(long Rows, string? BytesSum)
{
    public override string ToString() => $"count {Rows:N0}, sum(bytes) {BytesSum ?? "null"}";
}
