using SkiaSharp;

namespace FlowLogWarehouse.Output.Tests.Fixtures;

/// <summary>A PNG the renderer wrote, decoded to check what it shows.</summary>
internal sealed class PngFile : IDisposable
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SKBitmap _bitmap;

    private PngFile(SKBitmap bitmap) => _bitmap = bitmap;

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    public static PngFile Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{path} does not start with the PNG signature");
        return new PngFile(SKBitmap.Decode(bytes) ?? throw new InvalidDataException($"{path} does not decode"));
    }

    public int DistinctColors => _bitmap.Pixels.Distinct().Count();

    /// <summary>The share of pixels, in [0, 1], that are not the white background.</summary>
    public double Drawn => Share(c => c != SKColors.White);

    /// <summary>The share of pixels close to <paramref name="color"/> (anti-aliased edges aside).</summary>
    public double ShareNear(SKColor color) =>
        Share(c => Math.Abs(c.Red - color.Red) + Math.Abs(c.Green - color.Green) + Math.Abs(c.Blue - color.Blue) < 30);

    /// <summary>How many pixels differ from those of a PNG of the same size.</summary>
    public int PixelsDifferentFrom(PngFile other) => _bitmap.Pixels.Zip(other._bitmap.Pixels).Count(p => p.First != p.Second);

    public void Dispose() => _bitmap.Dispose();

    private double Share(Func<SKColor, bool> predicate) => _bitmap.Pixels.Count(predicate) / (double)_bitmap.Pixels.Length;
}
