namespace FlowLogWarehouse.Loader.Tests;

public sealed class IdempotencyTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private static string Lines(string eni, int count, int hour = 0) =>
        Header + "\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"2 123456789010 {eni} 10.0.0.{i % 250} 10.0.1.1 {1024 + i} 443 6 1 {100 + i} {1418515200 + hour * 3600 + i} {1418515260 + hour * 3600 + i} ACCEPT OK\n"));

    [Fact]
    public async Task Load_SameSourcesTwice_SecondRunWritesNothing()
    {
        _s.Write("a.log", Lines("eni-a", 100));
        _s.Write("b.log", Lines("eni-b", 50, hour: 5));
        var first = await _s.LoadAsync();
        var files = _s.DataFiles();
        var second = await _s.LoadAsync();
        Assert.Null(second.Batch);
        Assert.Equal(2, second.SourcesAlreadyLoaded);
        Assert.Equal(0, second.Rows);
        Assert.Equal(files, _s.DataFiles());
        Assert.Equal(150, _s.Count());
        Assert.NotNull(first.Batch);
    }

    [Fact]
    public async Task Load_NewSourceLater_LoadsOnlyIt()
    {
        _s.Write("a.log", Lines("eni-a", 100));
        await _s.LoadAsync();
        _s.Write("b.log", Lines("eni-b", 50));
        var second = await _s.LoadAsync();
        Assert.Equal(1, second.SourcesLoaded);
        Assert.Equal(1, second.SourcesAlreadyLoaded);
        Assert.Equal(150, _s.Count());
    }

    [Fact]
    public async Task Load_Reload_ReplacesExactlyTheRowsOfThoseSources()
    {
        var a = _s.Write("a.log", Lines("eni-a", 100));
        _s.Write("b.log", Lines("eni-b", 50));
        var first = await _s.LoadAsync();
        var reloaded = await _s.LoadAsync(o => o with { Reload = true }, a);
        Assert.Equal([first.Batch!], reloaded.Replaced);
        Assert.Equal(150, _s.Count());
        Assert.Equal(100, _s.Count("interface_id = 'eni-a'"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "manifest"), first.Batch + "*"));
    }

    [Fact]
    public async Task Load_ChangedSource_IsReplacedNotDuplicated()
    {
        var a = _s.Write("a.log", Lines("eni-a", 100));
        await _s.LoadAsync();
        File.WriteAllText(a, Lines("eni-a", 120));
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddMinutes(1));
        var second = await _s.LoadAsync();
        Assert.Single(second.Replaced);
        Assert.Equal(120, _s.Count());
    }

    [Fact]
    public async Task Load_ReloadWhenABatchmateVanished_FailsAndChangesNothing()
    {
        var a = _s.Write("a.log", Lines("eni-a", 10));
        var b = _s.Write("b.log", Lines("eni-b", 10));
        await _s.LoadAsync();
        File.Delete(b);
        var e = await Assert.ThrowsAsync<LoadFailedException>(() => _s.LoadAsync(o => o with { Reload = true }, a));
        Assert.Contains("can no longer be read", e.Message);
        Assert.Equal(20, _s.Count());
    }

    [Fact]
    public async Task Load_SourceThatFailsToRead_IsReportedAndOthersLoad()
    {
        _s.Write("good.log", Lines("eni-a", 10));
        var gz = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7 };
        _s.WriteBytes("broken.log.gz", gz);
        var summary = await _s.LoadAsync();
        Assert.Equal(1, summary.SourcesFailed);
        Assert.Equal(10, summary.Rows);
        Assert.Equal(10, _s.Count());
        Assert.Contains("gzip", summary.Sources.Single(s => s.Outcome == SourceOutcome.Failed).Error);
    }
}
