using System.Collections;
using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>DuckDB's CLR types mapped onto the engine contract's <see cref="ValueKind"/>s, both ways.</summary>
internal static class DuckDbValues
{
    public static ValueKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return ValueKind.String;
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
            || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong) || type == typeof(BigInteger))
            return ValueKind.Integer;
        if (type == typeof(double) || type == typeof(float))
            return ValueKind.Double;
        if (type == typeof(decimal))
            return ValueKind.Decimal;
        if (type == typeof(bool))
            return ValueKind.Boolean;
        if (type == typeof(DateOnly))
            return ValueKind.Date;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return ValueKind.Timestamp;
        return ValueKind.Other;
    }

    /// <summary>One value in the contract's representation for its kind.</summary>
    public static object? Normalize(object? value, ValueKind kind) => value switch
    {
        null or DBNull => null,
        // sum() of BIGINT is a HUGEINT in DuckDB and a BIGINT in Trino: a long when it fits, as Trino would.
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : (decimal)big,
        ulong u => u <= long.MaxValue ? (object)(long)u : (decimal)u,
        _ when kind == ValueKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float f => (double)f,
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string or long or double or decimal or bool or DateOnly => value,
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(v => Normalize(v, ValueKind.Other))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static object? ToParameter(object? value) => value switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
        _ => value,
    };

    /// <summary>DuckDB's message without the exception type DuckDB.NET prefixes.</summary>
    public static string Message(DuckDBException exception) => exception.Message.Trim();
}
