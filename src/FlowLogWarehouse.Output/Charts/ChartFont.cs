using SkiaSharp;

namespace FlowLogWarehouse.Output.Charts;

/// <summary>
/// The font charts are drawn in: a common sans-serif family when one is installed (ScottPlot would take the
/// system default, DejaVu Serif on Debian), else whichever family there is. SkiaSharp's NoDependencies build
/// reads the system's font folders without fontconfig and, finding none, draws no text at all, silently; a chart
/// without title, labels or ticks is worse than an error saying what to install.
/// </summary>
internal static class ChartFont
{
    private static readonly string[] SansSerif = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Lazy<string?> Installed = new(() =>
    {
        // With no font files the manager still lists one family, an empty typeface named "".
        var families = SKFontManager.Default.FontFamilies.Where(f => f.Length > 0).ToList();
        return SansSerif.FirstOrDefault(f => families.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? families.FirstOrDefault();
    });

    /// <exception cref="OutputException">No font is installed.</exception>
    public static string Family() => Installed.Value ?? throw OutputErrors.NoFont();
}
