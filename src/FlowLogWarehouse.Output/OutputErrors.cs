using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>Every <see cref="OutputException"/> message, in one place: each says what is wrong and what to do.</summary>
internal static class OutputErrors
{
    public static OutputException IntegerOutOfRange(ResultColumn column, object value) =>
        new(Invariant($"column '{column.Name}': {value} does not fit Parquet's 64-bit integer; cast it to DECIMAL or DOUBLE in the query"));

    public static OutputException DecimalOutOfRange(ResultColumn column, decimal value, int scale) =>
        new(Invariant($"column '{column.Name}': {value} does not fit DECIMAL(38,{scale}), the type its first rows gave it; cast the column to one DECIMAL type in the query"));

    public static OutputException ChartWithoutY() => new("a chart needs at least one y column");

    public static OutputException ChartColumnMissing(string axis, string name, IReadOnlyList<ResultColumn> columns) =>
        new($"chart {axis} column '{name}' is not in the result; its columns are: {Names(columns)}");

    public static OutputException ChartYNotNumeric(ResultColumn column, IReadOnlyList<ResultColumn> columns)
    {
        var numeric = columns.Where(ColumnKinds.IsNumeric).ToList();
        return new($"chart y column '{column.Name}' is {KindName(column.Kind)}, not a number; "
            + (numeric.Count > 0 ? $"numeric columns: {Names(numeric)}" : "the result has no numeric column"));
    }

    public static OutputException ChartWithoutRows() => new("the result has no rows, so there is nothing to chart");

    public static OutputException ChartWithoutX(ResultColumn x) =>
        new($"chart x column '{x.Name}' is null in every row, so there is nothing to chart");

    public static OutputException ChartTooManyRows(int max) =>
        new(Invariant($"a chart takes at most {max:N0} rows and the result has more; aggregate it first, e.g. GROUP BY hour, or ORDER BY … LIMIT 20"));

    public static OutputException NothingToChart(IReadOnlyList<ResultColumn> columns) =>
        new($"nothing to chart: a chart needs a numeric column to plot against another; the result's columns are: {Names(columns)}");

    public static OutputException NoFont() =>
        new("no font is installed, so the chart's text cannot be drawn; install one, e.g. `apt-get install fonts-dejavu-core`");

    private static string Names(IEnumerable<ResultColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.String or ValueKind.Other => "text",
        ValueKind.Boolean => "a boolean",
        ValueKind.Date => "a date",
        ValueKind.Timestamp => "a timestamp",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
