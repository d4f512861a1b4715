using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// A bound parameter's value as the literal Athena's execution parameters take: strings quoted with ' doubled,
/// numbers in invariant form, timestamps typed. A value never becomes SQL: a string stays one literal whatever it
/// holds, so <c>' OR 1=1 --</c> is the text it is.
/// </summary>
public static class AthenaLiterals
{
    public static string Render(string name, object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        long or int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => "DOUBLE '" + d.ToString("R", CultureInfo.InvariantCulture) + "'",
        decimal m => "DECIMAL '" + m.ToString(CultureInfo.InvariantCulture) + "'",
        DateTimeOffset t => "TIMESTAMP '" + t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'",
        DateTime t => "TIMESTAMP '" + t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'",
        DateOnly d => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        _ => throw new QueryException($"parameter :{name} has a value Athena cannot take as a literal ({value})"),
    };
}
