using System.Text;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// The SQL DuckDB runs in the bench. Every column is declared from the input's header and the field catalog:
/// left to auto-detection, read_csv would make account-id a BIGINT and drop its leading zeros.
/// </summary>
internal static class DuckDbSql
{
    /// <summary>
    /// DuckDB's own conversion of the input into an hour-partitioned, zstd Parquet tree: the baseline the loader
    /// is measured against.
    /// </summary>
    public static string Copy(FlowLogInput input, string outputDirectory)
    {
        if (!input.HasField("start"))
            throw new BenchException($"{input.Files[0]}: the header has no 'start' field, so rows cannot be partitioned by hour.");
        // The account partition comes from the record, else from the AWSLogs/<account>/ part of the file's path,
        // as the loader does.
        var hasAccount = input.HasField("account-id");
        var account = hasAccount ? "account_id" : "regexp_extract(filename, '/AWSLogs/([^/]+)/', 1)";
        // Our warehouse also has a region level. With one region it changes nothing, so DuckDB is spared the
        // per-row regexp; with several it is needed for the two outputs to have the same partitions and files.
        var byRegion = input.RegionsInPaths().Count > 1;
        var region = byRegion ? "regexp_extract(filename, '/vpcflowlogs/([^/]+)/', 1) AS aws_region,\n" + new string(' ', 11) : "";
        var partitions = byRegion ? "aws_account_id, aws_region" : "aws_account_id";
        var columns = string.Join(", ", input.Format.Fields.Select(f => Identifier(f.Column)));
        return $"""
            COPY (
                SELECT {columns},
                       {account} AS aws_account_id,
                       {region}year(ts) AS "year", month(ts) AS "month", day(ts) AS "day", hour(ts) AS "hour"
                FROM (
                    SELECT *, make_timestamp("start" * 1000000) AS ts  -- a plain TIMESTAMP: hours in UTC whatever the TimeZone setting
                    FROM {ReadCsv(input, withFilename: !hasAccount || byRegion)}
                )
            ) TO {Literal(outputDirectory)} (FORMAT parquet, PARTITION_BY ({partitions}, "year", "month", "day", "hour"), COMPRESSION zstd)
            """;
    }

    /// <summary>Rows and sum(bytes) of the raw input: the reference every output is checked against.</summary>
    public static string InputTotals(FlowLogInput input) =>
        $"SELECT count(*), {BytesSum(input)} FROM {ReadCsv(input, withFilename: false)}";

    /// <summary>Rows and sum(bytes) of a Parquet tree, partitions read the way the warehouse's view reads them.</summary>
    public static string ParquetTotals(FlowLogInput input, string parquetGlob) =>
        $"SELECT count(*), {BytesSum(input)} FROM read_parquet({Literal(parquetGlob)}, hive_partitioning = true, union_by_name = true)";

    public static string ReadCsv(FlowLogInput input, bool withFilename)
    {
        var sql = new StringBuilder("read_csv([");
        sql.AppendJoin(", ", input.Globs().Select(Literal));
        // Records never quote: an empty quote and escape keep a stray '"' from being read as one.
        sql.Append("], delim = ' ', header = true, auto_detect = false, nullstr = '-', quote = '', escape = '', columns = {");
        sql.AppendJoin(", ", input.Format.Fields.Select(f => $"{Literal(f.Column)}: '{FlowLogInput.SqlType(f.Type)}'"));
        sql.Append('}');
        if (withFilename)
            sql.Append(", filename = true");
        sql.Append(')');
        return sql.ToString();
    }

    // Exact as text: sum over BIGINT is a HUGEINT.
    private static string BytesSum(FlowLogInput input) =>
        input.HasField("bytes") ? "CAST(sum(\"bytes\") AS VARCHAR)" : "CAST(NULL AS VARCHAR)";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
