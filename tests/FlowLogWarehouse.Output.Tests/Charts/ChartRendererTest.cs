using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;
using SkiaSharp;

namespace FlowLogWarehouse.Output.Tests.Charts;

public sealed class ChartRendererTest : IDisposable
{
    // ScottPlot's first two series colours (Category10 blue and orange).
    private static readonly SKColor First = SKColor.Parse("#1f77b4");
    private static readonly SKColor Second = SKColor.Parse("#ff7f0e");

    private static readonly ResultColumn[] Hourly = Samples.Columns(
        ("hour", ValueKind.Timestamp), ("accepted_bytes", ValueKind.Integer), ("rejected_bytes", ValueKind.Integer), ("action", ValueKind.String));

    private readonly TempDirectory _dir = new("output-chart");

    public void Dispose() => _dir.Dispose();

    private static List<object?[]> HourlyRows(int hours, Func<int, long> accepted) =>
        [.. Enumerable.Range(0, hours).Select(i => new object?[] { Samples.At.AddHours(i), accepted(i), accepted(i) / 10, "ACCEPT" })];

    private PngFile Render(ChartSpec spec, IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
    {
        var path = _dir.Combine("chart.png");
        ChartRenderer.Render(spec, columns, rows, path);
        return PngFile.Load(path);
    }

    [Fact]
    public void Render_TimeSeries_IsAPngOfTheChartSize()
    {
        using var png = Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "Traffic"), Hourly, HourlyRows(48, i => 1_000_000L * (i % 7 + 1)));
        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (png.Width, png.Height));
        Assert.True(png.DistinctColors > 50, $"{png.DistinctColors} colours");
        Assert.True(png.Drawn > 0.02, $"{png.Drawn:P} drawn");
        Assert.True(png.ShareNear(First) > 0.002, $"{png.ShareNear(First):P} of the series colour");
    }

    [Fact]
    public void Render_ConstantSeries_StillDrawsItsLine()
    {
        using var png = Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], ""), Hourly, HourlyRows(24, _ => 5));
        Assert.True(png.ShareNear(First) > 0.001, $"{png.ShareNear(First):P} of the series colour");
        Assert.True(png.Drawn > 0.01, $"{png.Drawn:P} drawn");
    }

    [Fact]
    public void Render_Title_IsDrawnAsText()
    {
        // Two titles of one line lay the chart out alike; without a usable font both would draw nothing.
        using var shortTitle = Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "A"), Hourly, HourlyRows(24, i => i));
        using var longTitle = Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "Accepted bytes by hour, 1 March"), Hourly, HourlyRows(24, i => i));
        Assert.True(longTitle.PixelsDifferentFrom(shortTitle) > 500, $"{longTitle.PixelsDifferentFrom(shortTitle)} pixels differ");
    }

    [Fact]
    public void Render_SeveralSeries_DrawsEachInItsColour()
    {
        using var png = Render(new ChartSpec(ChartKind.Line, "HOUR", ["accepted_bytes", "Rejected_Bytes"], "Both"), Hourly, HourlyRows(48, i => 1L << (i % 20)));
        Assert.True(png.ShareNear(First) > 0.002);
        Assert.True(png.ShareNear(Second) > 0.0005);
    }

    [Fact]
    public void Render_TopNBars_FillTheirShareOfTheChart()
    {
        var columns = Samples.Columns(("interface_arn", ValueKind.String), ("bytes", ValueKind.Integer), ("bytes_out", ValueKind.Integer));
        var rows = Enumerable.Range(0, 12)
            .Select(i => new object?[] { $"arn:aws:ec2:us-east-1:123456789012:network-interface/eni-{i:D17}", 5_000_000_000L / (i + 1), 3_000_000_000L / (i + 1) })
            .ToList();
        using var bars = Render(new ChartSpec(ChartKind.Bar, "interface_arn", ["bytes"], "Top talkers"), columns, rows);
        Assert.True(bars.ShareNear(First) > 0.05, $"{bars.ShareNear(First):P} of the bar colour");
        using var grouped = Render(new ChartSpec(ChartKind.Bar, "interface_arn", ["bytes", "bytes_out"], "Top talkers"), columns, rows);
        Assert.True(grouped.ShareNear(Second) > 0.01, $"{grouped.ShareNear(Second):P} of the second bar colour");
    }

    [Fact]
    public void Render_NullValues_AreLeftOut()
    {
        var rows = HourlyRows(10, i => i * 1000L);
        rows[3][1] = null;
        rows.Add([null, 5L, 5L, "ACCEPT"]);
        using var png = Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "Gaps"), Hourly, rows);
        Assert.True(png.ShareNear(First) > 0.001);
    }

    [Theory]
    [InlineData("minute", "accepted_bytes", "chart x column 'minute' is not in the result; its columns are: hour, accepted_bytes, rejected_bytes, action")]
    [InlineData("hour", "packets", "chart y column 'packets' is not in the result; its columns are: hour, accepted_bytes, rejected_bytes, action")]
    [InlineData("hour", "action", "chart y column 'action' is text, not a number; numeric columns: accepted_bytes, rejected_bytes")]
    [InlineData("action", "hour", "chart y column 'hour' is a timestamp, not a number; numeric columns: accepted_bytes, rejected_bytes")]
    public void Render_SpecNotMatchingTheResult_SaysWhichColumnsThereAre(string x, string y, string message)
    {
        var e = Assert.Throws<OutputException>(() => Render(new ChartSpec(ChartKind.Line, x, [y], "t"), Hourly, HourlyRows(3, i => i)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Render_NoRows_SaysThereIsNothingToChart()
    {
        var e = Assert.Throws<OutputException>(() => Render(new ChartSpec(ChartKind.Bar, "action", ["accepted_bytes"], "t"), Hourly, []));
        Assert.Equal("the result has no rows, so there is nothing to chart", e.Message);
        Assert.False(File.Exists(_dir.Combine("chart.png")));
    }

    [Fact]
    public void Render_XNullInEveryRow_SaysSo()
    {
        var e = Assert.Throws<OutputException>(() => Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "t"), Hourly, [[null, 1L, 1L, "ACCEPT"]]));
        Assert.Equal("chart x column 'hour' is null in every row, so there is nothing to chart", e.Message);
    }

    [Fact]
    public void Render_NoY_IsRefused()
    {
        var e = Assert.Throws<OutputException>(() => Render(new ChartSpec(ChartKind.Line, "hour", [], "t"), Hourly, HourlyRows(3, i => i)));
        Assert.Equal("a chart needs at least one y column", e.Message);
    }

    [Fact]
    public void Render_MoreRowsThanTheLimit_AsksToAggregate()
    {
        var rows = HourlyRows(ChartRenderer.MaxRows + 1, i => i);
        var e = Assert.Throws<OutputException>(() => Render(new ChartSpec(ChartKind.Line, "hour", ["accepted_bytes"], "t"), Hourly, rows));
        Assert.Equal("a chart takes at most 100,000 rows and the result has more; aggregate it first, e.g. GROUP BY hour, or ORDER BY … LIMIT 20", e.Message);
    }
}
