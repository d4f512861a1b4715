using FlowLogWarehouse.Query.DuckDb;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// The reports' baseline: a <c>flow_logs</c> view straight over the generated .gz text, shaped like the warehouse's
/// view (the same data columns, then the same Hive partition columns) so the report runner writes the same SQL for
/// it and every report reads the same columns.
/// </summary>
internal static class RawTextView
{
    /// <summary>
    /// What the engine is told of the "layout": the runner only reads the partition keys (the warehouse's, per hour
    /// or per day) and the latest hour.
    /// </summary>
    public static WarehouseScan Scan(FlowLogInput input, WarehouseScan warehouse) => new(input.Directory, warehouse.PartitionKeys, warehouse.LatestHour);

    /// <summary>
    /// The statements that make this engine's <c>flow_logs</c>. Every column is declared from the header through the field catalog (DuckDbSql.ReadCsv), never auto-detected.
    /// The partition columns are computed per row, as the loader computes them: account and region from the record,
    /// else from the AWS key of the file; the hour from <c>start</c> in UTC (make_timestamp gives a plain TIMESTAMP,
    /// whatever DuckDB's TimeZone), typed INTEGER as the warehouse's hive_types are; the hour only when the
    /// warehouse has hour folders. With them, the window predicate over (year, month, day[, hour]) means the same
    /// thing on both sides — here it prunes nothing, every file is read, which is the point of the comparison.
    /// </summary>
    public static string CreateView(FlowLogInput input, WarehouseScan warehouse)
    {
        if (!input.HasField("start"))
            throw new BenchException($"{input.Files[0]}: the header has no 'start' field, so rows have no hour.");
        var columns = string.Join(", ", input.Format.Fields.Select(f => DuckDbSql.Identifier(f.Column)));
        var account = FromRecordOrPath(input, "account-id", "/AWSLogs/([^/]+)/");
        var region = FromRecordOrPath(input, "region", "/vpcflowlogs/([^/]+)/");
        return $"""
            CREATE VIEW flow_logs AS
            SELECT {columns},
                   {account} AS "aws-account-id",
                   'vpcflowlogs' AS "aws-service",
                   {region} AS "aws-region",
                   CAST(year(ts) AS INTEGER) AS "year", CAST(month(ts) AS INTEGER) AS "month",
                   CAST(day(ts) AS INTEGER) AS "day"{(warehouse.PartitionKeys.Contains("hour") ? """, CAST(hour(ts) AS INTEGER) AS "hour" """ : "")}
            FROM (
                SELECT *, make_timestamp("start" * 1000000) AS ts
                FROM {DuckDbSql.ReadCsv(input, withFilename: true)}
            )
            """;
    }

    // DuckDB computes a view column only when a query reads it, so the per-row regexp costs nothing to the many
    // reports that never look at the account or region.
    private static string FromRecordOrPath(FlowLogInput input, string field, string pathPattern)
    {
        var fromPath = $"nullif(regexp_extract(filename, {DuckDbSql.Literal(pathPattern)}, 1), '')";
        return input.HasField(field) ? $"coalesce({DuckDbSql.Identifier(field.Replace('-', '_'))}, {fromPath})" : fromPath;
    }
}
