using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena;

/// <summary>
/// Athena's result cells are text (VarCharValue); ColumnInfo.Type says how to read them. Values come out as the
/// query contract's CLR type for their <see cref="ValueKind"/>.
/// </summary>
public static class AthenaValues
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss.ff", "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.ffff", "yyyy-MM-dd HH:mm:ss.fffff", "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss.fffffff",
    ];

    /// <summary>The kind of an Athena type name; parameters such as <c>decimal(10,2)</c> or <c>varchar(20)</c> do not matter.</summary>
    public static ValueKind KindOf(string? athenaType)
    {
        var name = (athenaType ?? "").Trim().ToLowerInvariant();
        var parenthesis = name.IndexOf('(');
        if (parenthesis >= 0)
            name = name[..parenthesis].TrimEnd();
        return name switch
        {
            "varchar" or "char" or "string" => ValueKind.String,
            "tinyint" or "smallint" or "integer" or "int" or "bigint" => ValueKind.Integer,
            "double" or "float" or "real" => ValueKind.Double,
            "decimal" => ValueKind.Decimal,
            "boolean" => ValueKind.Boolean,
            "date" => ValueKind.Date,
            "timestamp" => ValueKind.Timestamp,
            // array, map, row, json, varbinary, time, interval, timestamp with time zone: kept as Athena wrote them.
            _ => ValueKind.Other,
        };
    }

    /// <summary>
    /// One cell as the CLR type of <paramref name="kind"/>; a cell without VarCharValue is SQL NULL. Text that does
    /// not read as its type is a <see cref="FormatException"/>.
    /// </summary>
    public static object? Parse(string? varCharValue, ValueKind kind)
    {
        if (varCharValue is null)
            return null;
        var text = varCharValue;
        return kind switch
        {
            ValueKind.Integer => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            // Trino writes doubles as Java does: 1.0E10, Infinity, NaN; .NET's invariant culture reads all of them.
            ValueKind.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            ValueKind.Decimal => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            ValueKind.Boolean => bool.Parse(text),
            ValueKind.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValueKind.Timestamp => ParseTimestamp(text),
            _ => text,
        };
    }

    /// <summary>Athena's <c>2026-11-20 05:00:00.000</c>, as UTC; precision beyond .NET's 100 ns is cut.</summary>
    private static DateTime ParseTimestamp(string text)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0 && text.Length - dot - 1 > 7)
            text = text[..(dot + 8)];
        return DateTime.ParseExact(text, TimestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
