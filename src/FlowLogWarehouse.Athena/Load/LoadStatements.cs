using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Loader.Remote;

namespace FlowLogWarehouse.Athena.Load;

/// <summary>A statement of a load with its execution parameters; <see cref="Query"/> is the part Trino's grammar knows.</summary>
public sealed record LoadStatement(string Sql, IReadOnlyList<string> Parameters, string Query, bool IsHive);

/// <summary>
/// The statements <c>load --engine athena</c> runs per folder of raw delivery: a table of raw lines over the folder,
/// the line accounting per object, the rows unloaded as Parquet in the warehouse's partitions, the bad lines
/// unloaded as JSON. UNLOAD is Athena's own (Trino has no such statement): <see cref="LoadStatement.Query"/> holds its
/// SELECT for checking.
/// </summary>
public static class LoadStatements
{
    /// <summary>A header-like line: lower-case names with '-' between single spaces (no record looks like this).</summary>
    private const string HeaderLike = "'^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$'";

    /// <summary>One column, the whole line: ^A, Hive's default field separator, never occurs in flow logs.</summary>
    public static LoadStatement CreateRawTable(string database, string table, string location)
    {
        var sql = $"CREATE EXTERNAL TABLE `{Ddl.AthenaDdl.Identifier(database)}`.`{Ddl.AthenaDdl.Identifier(table)}` (\n  `line` string\n)\n" +
                  $"ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\001'\nSTORED AS TEXTFILE\nLOCATION '{Location(location)}'";
        return new LoadStatement(sql, [], sql, IsHive: true);
    }

    public static LoadStatement DropRawTable(string database, string table)
    {
        var sql = $"DROP TABLE IF EXISTS `{Ddl.AthenaDdl.Identifier(database)}`.`{Ddl.AthenaDdl.Identifier(table)}`";
        return new LoadStatement(sql, [], sql, IsHive: true);
    }

    /// <summary>Per object: lines_read, rows, skipped, quarantined, and other_headers (header lines of another format).</summary>
    public static LoadStatement Accounting(RawFolder folder, IReadOnlyList<string> paths)
    {
        var sql = new BoundSql();
        var checkedLines = Checked(folder, paths, sql, out _);
        var text = "SELECT source, count(*) AS lines_read, count_if(bad IS NULL) AS rows, " +
                   $"count_if(bad = {RawLines.Skipped}) AS skipped, count_if(bad IS NOT NULL AND bad <> {RawLines.Skipped}) AS quarantined, " +
                   $"count_if(regexp_like(norm, {HeaderLike}) AND norm <> {sql.Bind(folder.Format.Text)}) AS other_headers " +
                   $"FROM {checkedLines} GROUP BY source";
        return Finish(sql, text, null);
    }

    /// <summary>Good lines as Parquet (zstd) under <paramref name="target"/>, in Hive folders of <see cref="RemoteStaging.PartitionColumnsFor"/>.</summary>
    public static LoadStatement UnloadRows(RawFolder folder, IReadOnlyList<string> paths, BatchSchema schema, PartitionGranularity granularity, string target)
    {
        var sql = new BoundSql();
        var checkedLines = Checked(folder, paths, sql, out var lines);
        var columns = schema.Columns.Select(c => $"{lines.Column(c.Field)} AS \"{c.Field.Column}\"");
        var time = "from_unixtime(ts)";
        var values = new[]
        {
            "account",
            "region",
            $"CAST(year({time}) AS varchar)",
            $"lpad(CAST(month({time}) AS varchar), 2, '0')",
            $"lpad(CAST(day({time}) AS varchar), 2, '0')",
            $"lpad(CAST(hour({time}) AS varchar), 2, '0')",
        };
        var names = RemoteStaging.PartitionColumnsFor(granularity);
        var partitions = names.Select((name, i) => $"{values[i]} AS \"{name}\"");
        var query = $"SELECT {string.Join(", ", columns.Concat(partitions))} FROM {checkedLines} WHERE bad IS NULL";
        var partitionedBy = string.Join(", ", names.Select(c => $"'{c}'"));
        return Finish(sql, $"UNLOAD ({query}) TO '{Location(target)}' WITH (format = 'PARQUET', compression = 'ZSTD', partitioned_by = ARRAY[{partitionedBy}])", query);
    }

    /// <summary>Bad lines as gzipped JSON lines under <paramref name="target"/>, with the members of <see cref="RemoteQuarantine"/>.</summary>
    public static LoadStatement UnloadQuarantine(RawFolder folder, IReadOnlyList<string> paths, string target)
    {
        var sql = new BoundSql();
        var checkedLines = Checked(folder, paths, sql, out var lines);
        var (field, value, reason) = lines.Problem();
        var query = $"SELECT source AS \"{RemoteQuarantine.Source}\", {field} AS \"{RemoteQuarantine.Field}\", {value} AS \"{RemoteQuarantine.Value}\", " +
                    $"{reason} AS \"{RemoteQuarantine.Reason}\", raw AS \"{RemoteQuarantine.Raw}\" " +
                    $"FROM {checkedLines} WHERE bad IS NOT NULL AND bad <> {RawLines.Skipped}";
        return Finish(sql, $"UNLOAD ({query}) TO '{Location(target)}' WITH (format = 'JSON')", query);
    }

    private static string Checked(RawFolder folder, IReadOnlyList<string> paths, BoundSql sql, out RawLines lines)
    {
        lines = new RawLines(folder.Format, sql);
        return lines.Checked(folder.QualifiedTable, paths, folder.FallbackSeconds, folder.KeyAccount, folder.KeyRegion, folder.DefaultAccount, folder.DefaultRegion);
    }

    private static LoadStatement Finish(BoundSql sql, string text, string? query)
    {
        var (statement, parameters) = sql.Finish(text);
        var checkable = query is null ? statement : sql.Finish(query).Sql;
        return new LoadStatement(statement, parameters, checkable, IsHive: false);
    }

    /// <summary>An s3:// location inside a quoted literal: nothing in it may close the quote.</summary>
    public static string Location(string location) =>
        location.Contains('\'') || location.Contains('`') || location.Contains('\\') || location.Any(char.IsControl)
            ? throw new ArgumentException($"The S3 location {location} cannot be written into an Athena statement.")
            : location;
}
