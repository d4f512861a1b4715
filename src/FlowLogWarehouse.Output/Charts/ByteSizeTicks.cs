using ScottPlot;

namespace FlowLogWarehouse.Output.Charts;

/// <summary>
/// Y ticks for byte counts at round steps of one binary unit (0 B, 50 MiB, 100 MiB…): ScottPlot's own ticks are
/// round in decimal, which as byte sizes read 47.7 MiB, 95.4 MiB….
/// </summary>
internal sealed class ByteSizeTicks : ITickGenerator
{
    private const float PixelsPerTick = 60;

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 20;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var (min, max) = (Math.Min(range.Min, range.Max), Math.Max(range.Min, range.Max));
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            Ticks = [];
            return;
        }
        var count = Math.Clamp((int)(size.Length / PixelsPerTick), 2, MaxTickCount);
        var unit = ByteSize.UnitFor(Math.Max(Math.Abs(min), Math.Abs(max)));
        var scale = Math.Pow(1024, unit);
        // Bytes are whole: no tick at 4.5 B.
        var step = Math.Max(RoundStep((max - min) / count / scale) * scale, 1);
        var first = Math.Ceiling(min / step);
        var ticks = new List<Tick>();
        for (var i = first; i * step <= max; i++)
            ticks.Add(Tick.Major(i * step, ByteSize.FormatIn(i * step, unit)));
        Ticks = [.. ticks];
    }

    /// <summary>The smallest of 1, 2 or 5 times a power of ten that is at least <paramref name="raw"/>.</summary>
    internal static double RoundStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var multiple in (ReadOnlySpan<double>)[1, 2, 5])
            if (multiple * power >= raw)
                return multiple * power;
        return 10 * power;
    }
}
