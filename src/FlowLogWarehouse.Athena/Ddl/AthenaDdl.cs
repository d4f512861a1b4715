using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Athena.Ddl;

/// <summary>
/// Hive DDL for the warehouse: every catalog column with AWS's Parquet types, and partition projection over the
/// warehouse's Hive layout (per hour or per day), so Athena finds partitions from the table's properties: no MSCK
/// REPAIR, no crawler.
/// </summary>
public static class AthenaDdl
{

    public static string CreateDatabase(string database) => $"CREATE DATABASE IF NOT EXISTS `{Identifier(database)}`";

    public static string CreateTable(AthenaTable table)
    {
        Validate(table);
        var ddl = new StringBuilder();
        ddl.Append($"CREATE EXTERNAL TABLE IF NOT EXISTS `{table.Database}`.`{table.Table}` (\n");
        ddl.AppendJoin(",\n", FieldCatalog.Fields.Where(f => f.IsKnown).Select(f => $"  `{f.Column}` {HiveType(f.Type)}"));
        ddl.Append("\n)\nPARTITIONED BY (\n");
        ddl.Append("  `aws-account-id` string,\n  `aws-service` string,\n  `aws-region` string,\n");
        ddl.AppendJoin(",\n", table.Granularity.TimeKeys().Select(k => $"  `{k}` int"));
        ddl.Append("\n)\nSTORED AS PARQUET\n");
        ddl.Append($"LOCATION '{table.DataLocation}'\n");
        ddl.Append("TBLPROPERTIES (\n");
        ddl.AppendJoin(",\n", Properties(table).Select(p => $"  '{p.Key}' = '{p.Value}'"));
        ddl.Append("\n)");
        return ddl.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> Properties(AthenaTable table)
    {
        yield return new("parquet.compression", "ZSTD");
        yield return new("projection.enabled", "true");
        foreach (var property in Enumerated("aws-account-id", table.Accounts))
            yield return property;
        yield return new("projection.aws-service.type", "enum");
        yield return new("projection.aws-service.values", "vpcflowlogs");
        foreach (var property in Enumerated("aws-region", table.Regions))
            yield return property;
        yield return new("projection.year.type", "integer");
        yield return new("projection.year.range", $"{table.FirstYear},{table.LastYear}");
        var timeKeys = table.Granularity.TimeKeys();
        foreach (var key in timeKeys.Where(k => k != "year"))
        {
            yield return new($"projection.{key}.type", "integer");
            yield return new($"projection.{key}.range", key switch { "month" => "1,12", "day" => "1,31", _ => "0,23" });
            yield return new($"projection.{key}.digits", "2");
        }
        var template = table.DataLocation + "aws-account-id=${aws-account-id}/aws-service=${aws-service}/aws-region=${aws-region}/" +
                       string.Concat(timeKeys.Select(k => $"{k}=${{{k}}}/"));
        yield return new("storage.location.template", template);
    }

    private static IEnumerable<KeyValuePair<string, string>> Enumerated(string key, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            yield return new($"projection.{key}.type", "injected");
            yield break;
        }
        yield return new($"projection.{key}.type", "enum");
        yield return new($"projection.{key}.values", string.Join(",", values));
    }

    private static string HiveType(FieldType type) => type switch
    {
        FieldType.Int32 => "int",
        FieldType.Int64 => "bigint",
        _ => "string",
    };

    private static void Validate(AthenaTable table)
    {
        Identifier(table.Database);
        Identifier(table.Table);
        if (table.Accounts is { Count: 0 } || table.Regions is { Count: 0 })
            throw new ArgumentException("Partition projection needs at least one account and one region, or 'injected'.");
        foreach (var value in (table.Accounts ?? []).Concat(table.Regions ?? []))
            if (!Core.Parsing.LineParser.IsPartitionSafe(value))
                throw new ArgumentException($"'{value}' cannot be an account or region of the table (letters, digits, '-' and '_' only).");
        if (table.FirstYear is < 1970 or > 9999 || table.LastYear < table.FirstYear || table.LastYear > 9999)
            throw new ArgumentException($"The years {table.FirstYear}..{table.LastYear} are not a range partition projection can use.");
        // Values land inside single-quoted DDL properties: nothing in them may close the quote.
        if (table.DataLocation.Contains('\'') || table.DataLocation.Contains('`'))
            throw new ArgumentException($"The warehouse location {table.DataLocation} cannot be written into DDL.");
    }

    /// <summary>Athena database and table names: lower-case letters, digits and underscores.</summary>
    public static string Identifier(string name)
    {
        if (name.Length is 0 or > 255 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"'{name}' is not an Athena database or table name (lower-case letters, digits and '_').");
        return name;
    }
}
