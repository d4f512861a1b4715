using System.Globalization;
using FlowLogWarehouse.Query;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FlowLogWarehouse.Output.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> over a result's rows as a <see cref="Width"/>×<see cref="Height"/> PNG: title,
/// axis labels, a legend when there are several series, date-time ticks for a timestamp X, category labels
/// (slanted when long) for bars, and byte-size ticks when every Y column holds byte counts.
/// </summary>
public static class ChartRenderer
{
    public const int Width = 1200;
    public const int Height = 600;

    /// <summary>More points than pixels across, or bars too thin to see: a larger result should be aggregated first.</summary>
    public const int MaxRows = 100_000;

    // Longer category labels are cut, so that even slanted they leave the chart most of its height.
    private const int MaxCategoryChars = 30;

    /// <summary>
    /// Writes the chart to <paramref name="path"/>, replacing any file there. Rows whose X is null are left out;
    /// a null Y leaves a gap in its line or no bar.
    /// </summary>
    /// <exception cref="OutputException">
    /// The spec names a column the result lacks or a Y column that is not numeric, there are no rows or more than
    /// <see cref="MaxRows"/>, or no font is installed to draw text with.
    /// </exception>
    public static void Render(ChartSpec spec, IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows, string path)
    {
        var input = ChartInput.Resolve(spec, columns, rows);
        if (rows.Count > MaxRows)
            throw OutputErrors.ChartTooManyRows(MaxRows);
        var font = ChartFont.Family();

        var x = columns[input.X];
        var isTime = x.IsTime();
        var categorical = spec.Kind == ChartKind.Bar || !(isTime || x.IsNumeric());
        var points = rows.Where(r => r[input.X] is not null).ToList();
        // Sorted along a continuous X: a time series read newest first would otherwise zigzag back across the chart.
        if (!categorical)
            points = [.. points.OrderBy(r => Coordinate(r[input.X]))];
        var xs = categorical
            ? Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray()
            : points.Select(r => Coordinate(r[input.X])).ToArray();

        using var plot = new Plot();
        plot.Font.Set(font);
        for (var s = 0; s < input.Y.Count; s++)
        {
            var ys = points.Select(r => ChartInput.Number(r[input.Y[s]])).ToArray();
            var name = columns[input.Y[s]].Name;
            if (spec.Kind == ChartKind.Line)
                AddLine(plot, xs, ys, name);
            else
                AddBars(plot, xs, ys, name, s, input.Y.Count);
        }

        // Axes before labels: replacing the bottom axis with a date-time one drops its label.
        if (categorical)
            LabelCategories(plot, points.Select(r => CategoryLabel(r[input.X], x)).ToArray());
        else if (isTime)
            plot.Axes.DateTimeTicksBottom().TickGenerator = new DateTimeAutomatic { LabelFormatter = TimeLabel };
        else
            plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = GroupedNumber };
        plot.Axes.Left.TickGenerator = input.Y.All(i => ByteSize.IsByteCount(columns[i]))
            ? new ByteSizeTicks()
            : new NumericAutomatic { LabelFormatter = GroupedNumber, TargetTickCount = 8 };
        if (spec.Kind == ChartKind.Bar)
            plot.Axes.Margins(bottom: 0);
        if (input.Y.Count > 1)
            plot.ShowLegend(Alignment.UpperRight);
        else
            plot.HideLegend();
        plot.Title(spec.Title);
        plot.XLabel(x.Name);
        plot.YLabel(string.Join(", ", input.Y.Select(i => columns[i].Name)));

        plot.SavePng(path, Width, Height);
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string name)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = name;
        line.LineWidth = 2;
        // Markers show the points of a sparse series and bury the line of a dense one.
        line.MarkerSize = xs.Length <= 60 ? 5 : 0;
    }

    // Each category's slot holds the series' bars side by side; a fifth of it is the gap to the next category.
    private static void AddBars(Plot plot, double[] xs, double[] ys, string name, int series, int seriesCount)
    {
        var size = 0.8 / seriesCount;
        var color = plot.Add.Palette.GetColor(series);
        var bars = new List<Bar>();
        for (var i = 0; i < xs.Length; i++)
            if (!double.IsNaN(ys[i]))
                bars.Add(new Bar { Position = xs[i] - 0.4 + size * (series + 0.5), Value = ys[i], Size = size, FillColor = color, LineWidth = 0 });
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = name;
    }

    // Labels wider than their slot would overlap: slant them to end at their bar, and make room for them.
    private static void LabelCategories(Plot plot, string[] labels)
    {
        var axis = plot.Axes.Bottom;
        axis.TickGenerator = new NumericManual(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        axis.MajorTickStyle.Length = 0;
        using var paint = Paint.NewDisposablePaint();
        var widest = labels.Max(l => axis.TickLabelStyle.Measure(l, paint).Size.Width);
        var slot = Width * 0.85f / labels.Length;
        if (widest <= slot * 0.9f)
            return;
        axis.TickLabelStyle.Rotation = -45;
        axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
        axis.MinimumSize = Math.Min(widest * 0.75f + 20, Height / 3f);
        // The first label reaches left past its bar, under the Y axis.
        plot.Axes.Left.MinimumSize = Math.Min(widest * 0.7f, Width / 4f);
    }

    // Ports and ids read wrong with grouped digits (3,389); long labels keep both ends, where ARNs and names differ.
    private static string CategoryLabel(object? value, ResultColumn column)
    {
        var byteCount = ByteSize.IsByteCount(column);
        var text = value is long or decimal && !byteCount ? MachineText.Format(value) : TableCells.Format(value, byteCount);
        text = TableCells.OneLine(text);
        if (text.Length <= MaxCategoryChars)
            return text;
        var head = (MaxCategoryChars - 1) / 2;
        var tail = text.Length - (MaxCategoryChars - 1 - head);
        if (char.IsHighSurrogate(text[head - 1]))
            head--;
        if (char.IsLowSurrogate(text[tail]))
            tail++;
        return string.Concat(text.AsSpan(0, head), "…", text.AsSpan(tail));
    }

    // ISO dates, as everywhere else in flowlogs; a tick at midnight needs no time.
    private static string TimeLabel(DateTime time) => time.ToString(
        time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : time.Second == 0 ? "yyyy-MM-dd\nHH:mm" : "yyyy-MM-dd\nHH:mm:ss",
        CultureInfo.InvariantCulture);

    private static double Coordinate(object? value) => value switch
    {
        DateTime time => time.ToOADate(),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToOADate(),
        _ => ChartInput.Number(value),
    };

    private static string GroupedNumber(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
