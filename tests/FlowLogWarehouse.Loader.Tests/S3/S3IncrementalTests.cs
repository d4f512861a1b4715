using System.Text;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>Nightly runs over a bucket: only new or changed objects load, failures are retried, nothing doubles.</summary>
public sealed class S3IncrementalTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private Task<LoadSummary> Load(string bucket, bool reload = false) =>
        _s.LoadAsync(o => o with { Aws = s3.Server.Settings, Reload = reload }, $"s3://{bucket}/AWSLogs/");

    private string[] Manifests() => Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "manifest"));

    [Fact]
    public async Task Rerun_WritesNothing_ThenLoadsOnlyNewObjects()
    {
        var bucket = await s3.NewBucketAsync("nightly");
        var (day1, day2, day3) = (S3Uploads.FirstDay, S3Uploads.FirstDay.AddDays(1), S3Uploads.FirstDay.AddDays(2));
        var firstTwo = s3.Uploads.On(day1).Concat(s3.Uploads.On(day2)).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, firstTwo);

        var first = await Load(bucket);
        Assert.Equal(firstTwo.Sum(l => l.Records), first.Rows);
        var files = _s.DataFiles();

        var second = await Load(bucket);
        Assert.True(second.Committed);
        Assert.Null(second.Batch);
        Assert.Equal(0, second.SourcesLoaded);
        Assert.Equal(firstTwo.Count, second.SourcesAlreadyLoaded);
        Assert.Single(Manifests());
        Assert.Equal(files, _s.DataFiles());
        Assert.Equal(0, second.BytesDownloaded);

        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, s3.Uploads.On(day3));
        var third = await Load(bucket);
        Assert.Equal(s3.Uploads.On(day3).Count(), third.SourcesLoaded);
        Assert.Equal(firstTwo.Count, third.SourcesAlreadyLoaded);
        Assert.Equal(s3.Uploads.On(day3).Sum(l => l.Records), third.Rows);
        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), _s.Count());
        Assert.Equal(2, Manifests().Length);
    }

    [Fact]
    public async Task ChangedObject_IsLoadedAgain_ReplacingItsOldRows()
    {
        var bucket = await s3.NewBucketAsync("changed");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).Take(3).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        await Load(bucket);

        // Same key, new content (so a new ETag): a re-delivered object, one record fewer.
        var key = S3Uploads.KeyOf(logs[0], KeyLayout.Default);
        var text = Encoding.UTF8.GetString(Decompress(await File.ReadAllBytesAsync(logs[0].Path)));
        var shorter = text[..text.TrimEnd('\n').LastIndexOf('\n')] + "\n";
        await s3.Server.PutAsync(bucket, key, shorter);

        var again = await Load(bucket);

        Assert.Equal(3, again.SourcesLoaded); // the batch's other objects are read again with it
        Assert.Single(again.Replaced);
        Assert.Equal(logs.Sum(l => l.Records) - 1, _s.Count());
        Assert.Single(Manifests());
    }

    [Fact]
    public async Task Reload_ReplacesExactly()
    {
        var bucket = await s3.NewBucketAsync("reload");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        await Load(bucket);

        var again = await Load(bucket, reload: true);

        Assert.Equal(logs.Count, again.SourcesLoaded);
        Assert.Equal(logs.Sum(l => l.Records), _s.Count());
        Assert.Single(Manifests());
    }

    [Fact]
    public async Task CorruptObject_FailsAlone_AndIsRetriedNextRun()
    {
        var bucket = await s3.NewBucketAsync("corrupt");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        var broken = logs[5];
        var good = await File.ReadAllBytesAsync(broken.Path);
        var key = S3Uploads.KeyOf(broken, KeyLayout.Default);
        await s3.Server.PutAsync(bucket, key, [.. good[..40], .. Enumerable.Repeat((byte)0xEE, 4000)]);

        var first = await Load(bucket);

        Assert.True(first.Committed);
        Assert.True(first.SourcesFailed == 1, string.Join("\n", first.Sources.Select(x => $"{x.Source} {x.Outcome} {x.LinesRead} {x.Error}")));
        var failed = Assert.Single(first.Sources, s => s.Outcome == SourceOutcome.Failed);
        Assert.Equal($"s3://{bucket}/{key}", failed.Source);
        Assert.Contains("gzip", failed.Error);
        Assert.NotNull(first.Error);
        Assert.Equal(logs.Sum(l => l.Records) - broken.Records, _s.Count());

        await s3.Server.PutAsync(bucket, key, good);
        var second = await Load(bucket);

        Assert.Equal(1, second.SourcesLoaded);
        Assert.Equal(0, second.SourcesFailed);
        Assert.Equal(logs.Sum(l => l.Records), _s.Count());
    }

    [Fact]
    public async Task ObjectVanishedMidRun_FailsAlone_AndTheOthersLoad()
    {
        var bucket = await s3.NewBucketAsync("vanished");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        var gone = S3Uploads.KeyOf(logs[3], KeyLayout.Default);

        // Deleted after it was listed and probed, before its body is read: the sink runs on the loader's thread.
        var log = new Serilog.LoggerConfiguration()
            .WriteTo.Sink(new OnMessage("Loading", () => s3.Client.DeleteObjectAsync(bucket, gone).GetAwaiter().GetResult()))
            .CreateLogger();
        var summary = await WarehouseLoader.LoadAsync(
            new LoadOptions { Inputs = [$"s3://{bucket}/"], Warehouse = _s.Warehouse, Aws = s3.Server.Settings }, log);

        var failed = Assert.Single(summary.Sources, s => s.Outcome == SourceOutcome.Failed);
        Assert.Equal($"s3://{bucket}/{gone}", failed.Source);
        Assert.Contains("vanished", failed.Error);
        Assert.Equal(logs.Sum(l => l.Records) - logs[3].Records, _s.Count());
        Scratch.AssertAccounted(summary);
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
