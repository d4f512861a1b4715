using System.Globalization;
using System.Text.RegularExpressions;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// The fake's default executor: plays Athena's server side on DuckDB over a local warehouse. Execution parameters are
/// put in place of the <c>?</c> markers as the SQL literals they are (Athena does this server-side), then the
/// statement runs through <see cref="DuckDbEngine"/> and its values are rendered as Athena's VarCharValues.
/// </summary>
public static partial class FakeAthenaDuckDb
{
    // Only plain literals pass: the engine is meant to send values, never SQL, so anything else fails the query here.
    [GeneratedRegex(
        @"^(?:-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|'(?:[^']|'')*'|(?i:true|false|null)|" +
        @"(?i:timestamp|date|time|decimal|double|real|bigint|integer|smallint|tinyint|varchar|char|interval)\s+'(?:[^']|'')*')$")]
    private static partial Regex Literal();

    public static FakeAthenaExecutor Executor(string warehouse) => async (sql, parameters, cancellationToken) =>
    {
        var statement = Substitute(sql, parameters);
        await using var engine = DuckDbEngine.Open(warehouse);
        await using var result = await engine.ExecuteAsync(new QueryRequest(statement), cancellationToken);
        var columns = result.Columns.Select(c => new FakeAthenaColumn(c.Name, TypeName(c.Kind))).ToList();
        var rows = new List<string?[]>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken))
            rows.Add(row.Select(Render).ToArray());
        return new FakeAthenaResultSet(columns, rows);
    };

    /// <summary><paramref name="sql"/> with its n-th <c>?</c> (outside literals and comments) replaced by parameter n.</summary>
    public static string Substitute(string sql, IReadOnlyList<string> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
            if (!Literal().IsMatch(parameters[i].Trim()))
                throw new ArgumentException($"execution parameter {i + 1} is not a literal: {parameters[i]}");
        var (statement, count) = SqlPlaceholders.RewritePositional(sql, n => n < parameters.Count ? parameters[n].Trim() : "?");
        if (count != parameters.Count)
            throw new ArgumentException($"Incorrect number of parameters: expected {count} but found {parameters.Count}");
        return statement;
    }

    /// <summary>
    /// Athena's name for a result kind. Other (DuckDB's lists, structs, blobs) becomes array: it reads back as Other,
    /// as Athena's array, map and row do.
    /// </summary>
    public static string TypeName(ValueKind kind) => kind switch
    {
        ValueKind.String => "varchar",
        ValueKind.Integer => "bigint",
        ValueKind.Double => "double",
        ValueKind.Decimal => "decimal",
        ValueKind.Boolean => "boolean",
        ValueKind.Date => "date",
        ValueKind.Timestamp => "timestamp",
        _ => "array",
    };

    /// <summary>A value as Athena's VarCharValue; null stays null (a cell without VarCharValue).</summary>
    public static string? Render(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
