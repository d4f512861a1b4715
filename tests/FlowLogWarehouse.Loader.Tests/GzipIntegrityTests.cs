using System.IO.Compression;
using System.Text;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>A cut-short or damaged gzip file fails with a reason; .NET's own GZipStream would end quietly.</summary>
public sealed class GzipIntegrityTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private static string Lines(int count) => Header + "\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
        $"2 123456789010 eni-{i % 7:D17} 10.0.{i % 250}.1 10.1.0.{i % 13} {1024 + i} 443 6 {i % 50 + 1} {i * 7 + 40} 1418530010 1418530070 ACCEPT OK\n"));

    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.ASCII.GetBytes(text));
        return output.ToArray();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public async Task Truncated_FailsTheSource_OthersLoad(double keep)
    {
        var whole = Gzip(Lines(20_000));
        _s.WriteBytes("cut.log.gz", whole[..(int)(whole.Length * keep)]);
        _s.WriteBytes("good.log.gz", Gzip(Lines(10)));

        var summary = await _s.LoadAsync();

        var failed = Assert.Single(summary.Sources, s => s.Outcome == SourceOutcome.Failed);
        Assert.EndsWith("cut.log.gz", failed.Source);
        Assert.Contains("gzip data ends early", failed.Error);
        Assert.Equal(10, summary.Rows);
        Assert.Equal(10, _s.Count());
    }

    [Fact]
    public async Task TrailerCutOff_FailsTheSource()
    {
        var whole = Gzip(Lines(100));
        _s.WriteBytes("no-trailer.log.gz", whole[..^8]);

        var summary = await _s.LoadAsync();

        Assert.Contains("gzip data ends early", Assert.Single(summary.Sources).Error);
    }

    [Fact]
    public async Task ConcatenatedMembers_LoadWhole()
    {
        _s.WriteBytes("two.log.gz", [.. Gzip(Lines(300)), .. Gzip(string.Concat(Lines(200).Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : "")))]);

        var summary = await _s.LoadAsync();

        Assert.Equal(500, summary.Rows);
        Assert.Equal(0, summary.SourcesFailed);
    }

    [Fact]
    public async Task EmptyGzip_LoadsNothingAndFailsNothing()
    {
        _s.WriteBytes("empty.log.gz", Gzip(""));

        var summary = await _s.LoadAsync();

        Assert.Equal(0, summary.SourcesFailed);
        Assert.Equal(0, summary.LinesRead);
    }
}
