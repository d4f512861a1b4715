using FlowLogWarehouse.Output.Charts;
using ScottPlot;

namespace FlowLogWarehouse.Output.Tests.Charts;

public class ByteSizeTicksTest
{
    private static string[] Labels(double min, double max, float pixels = 500)
    {
        var ticks = new ByteSizeTicks();
        using var paint = Paint.NewDisposablePaint();
        ticks.Regenerate(new CoordinateRange(min, max), Edge.Left, new PixelLength(pixels), paint, new LabelStyle());
        return [.. ticks.Ticks.Select(t => t.Label)];
    }

    [Fact]
    public void Regenerate_MebibyteRange_StepsByRoundMebibytes() =>
        Assert.Equal(["0 B", "50 MiB", "100 MiB", "150 MiB", "200 MiB", "250 MiB", "300 MiB"], Labels(-1_000_000, 310 * 1024 * 1024));

    [Fact]
    public void Regenerate_FewBytes_HasNoFractionalBytes() =>
        Assert.Equal(["4 B", "5 B", "6 B"], Labels(4, 6));

    [Fact]
    public void Regenerate_GibibyteRange_UsesGibibytes() =>
        Assert.Equal(["0.5 GiB", "1 GiB", "1.5 GiB", "2 GiB"], Labels(0.3 * (1L << 30), 2.2 * (1L << 30), pixels: 250));

    [Fact]
    public void Regenerate_EmptyRange_HasNoTicks() =>
        Assert.Empty(Labels(5, 5));

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(1, 1)]
    [InlineData(1.1, 2)]
    [InlineData(42, 50)]
    [InlineData(600, 1000)]
    public void RoundStep_Raw_IsTheNextOneTwoOrFive(double raw, double expected) =>
        Assert.Equal(expected, ByteSizeTicks.RoundStep(raw), 9);
}
