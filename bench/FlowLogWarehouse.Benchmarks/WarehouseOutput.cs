namespace FlowLogWarehouse.Benchmarks;

/// <summary>What one load left in its output directory: its Parquet files' size and count, and their totals.</summary>
internal sealed record WarehouseOutput(long Bytes, int Files, Totals? Totals, string? Unreadable)
{
    /// <summary>A fast but wrong loader is worthless: null when the output holds the input's rows and sum(bytes).</summary>
    public string? MismatchWith(Totals reference, string who) =>
        Unreadable ?? (Totals == reference ? null : $"{who} output has {Totals}; the input has {reference}");

    /// <summary>Our warehouse keeps its manifest and journal under <c>_flowlogs/</c>: the data is under AWSLogs/.</summary>
    public static WarehouseOutput OfOurs(string output, FlowLogInput input, string duckDbTemp) =>
        Read(output, Path.Combine(output, "AWSLogs", "**", "*.parquet"), input, duckDbTemp);

    /// <summary>The files under <paramref name="output"/> and the totals DuckDB reads through <paramref name="glob"/>.</summary>
    public static WarehouseOutput Read(string output, string glob, FlowLogInput input, string duckDbTemp)
    {
        // Names starting with '_' (our _flowlogs/) are not part of the data's size.
        var parquet = Directory.Exists(output)
            ? Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(output, f).StartsWith("_", StringComparison.Ordinal))
                .ToList()
            : [];
        var bytes = parquet.Sum(f => new FileInfo(f).Length);
        if (parquet.Count == 0)
            return new WarehouseOutput(0, 0, new Totals(0, null), null);
        try
        {
            using var duckDb = new DuckDb(duckDbTemp);
            return new WarehouseOutput(bytes, parquet.Count, duckDb.QueryTotals(DuckDbSql.ParquetTotals(input, glob)), null);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            // Output DuckDB cannot read (or without a numeric bytes column) is wrong output, not a bench crash.
            return new WarehouseOutput(bytes, parquet.Count, null, $"DuckDB cannot read the output as flow logs: {e.Message}");
        }
    }
}
