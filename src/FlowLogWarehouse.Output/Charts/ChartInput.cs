using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Charts;

/// <summary>A <see cref="ChartSpec"/> checked against a result: its X column and numeric Y columns by ordinal.</summary>
internal sealed record ChartInput(int X, IReadOnlyList<int> Y)
{
    /// <exception cref="OutputException">A column is missing or not numeric, or no row has an X value.</exception>
    public static ChartInput Resolve(ChartSpec spec, IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
    {
        if (spec.Y.Count == 0)
            throw OutputErrors.ChartWithoutY();
        var x = Find(columns, spec.X, "x");
        var y = spec.Y.Select(name => Find(columns, name, "y")).ToList();
        foreach (var ordinal in y)
            if (!columns[ordinal].IsNumeric())
                throw OutputErrors.ChartYNotNumeric(columns[ordinal], columns);
        if (rows.Count == 0)
            throw OutputErrors.ChartWithoutRows();
        if (rows.All(r => r[x] is null))
            throw OutputErrors.ChartWithoutX(columns[x]);
        return new ChartInput(x, y);
    }

    /// <summary>A Y value as a coordinate; null is NaN, which ScottPlot leaves out.</summary>
    public static double Number(object? value) =>
        value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static int Find(IReadOnlyList<ResultColumn> columns, string name, string axis)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return i;
        throw OutputErrors.ChartColumnMissing(axis, name, columns);
    }
}
