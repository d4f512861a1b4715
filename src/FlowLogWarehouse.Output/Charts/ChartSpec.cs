using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Charts;

/// <summary>The two charts reports need.</summary>
public enum ChartKind
{
    /// <summary>Y over X as lines, for time series; X is a timestamp, date or number (else categories).</summary>
    Line,

    /// <summary>A bar per row for each Y, labelled with X's values, for top-N results.</summary>
    Bar,
}

/// <summary>
/// What to draw from a result: a <paramref name="Kind"/> of chart with <paramref name="X"/> along the bottom and one
/// series per <paramref name="Y"/> column (numeric), headed by <paramref name="Title"/>. Column names match
/// regardless of case, as SQL's do.
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string X, IReadOnlyList<string> Y, string Title)
{
    /// <summary>
    /// A chart for a result nobody described: a line over the first timestamp or date column, else bars labelled
    /// by the first text column, else by the first column. The Y series are the numeric columns measured like the
    /// first of them (all byte counts, or none), so a byte series never flattens a packet count on one axis.
    /// </summary>
    /// <param name="columns">The result's columns.</param>
    /// <param name="title">The chart's title; by default "y1, y2 by x".</param>
    /// <exception cref="OutputException">No column but X is numeric.</exception>
    public static ChartSpec Infer(IReadOnlyList<ResultColumn> columns, string? title = null)
    {
        var x = columns.FirstOrDefault(ColumnKinds.IsTime)
            ?? columns.FirstOrDefault(c => !c.IsNumeric())
            ?? columns.FirstOrDefault();
        var numeric = columns.Where(c => !ReferenceEquals(c, x) && c.IsNumeric()).ToList();
        if (x is null || numeric.Count == 0)
            throw OutputErrors.NothingToChart(columns);
        var bytes = ByteSize.IsByteCount(numeric[0]);
        var y = numeric.Where(c => ByteSize.IsByteCount(c) == bytes).Select(c => c.Name).ToList();
        var kind = x.IsTime() ? ChartKind.Line : ChartKind.Bar;
        return new ChartSpec(kind, x.Name, y, title ?? $"{string.Join(", ", y)} by {x.Name}");
    }
}
