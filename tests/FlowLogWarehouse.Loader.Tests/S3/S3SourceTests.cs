namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>Loads from a real S3 server (s3rver) into a local warehouse: layouts, date windows, accounting.</summary>
public sealed class S3SourceTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private Task<LoadSummary> Load(string input, Func<LoadOptions, LoadOptions>? configure = null) =>
        _s.LoadAsync(o => (configure ?? (x => x))(o with { Aws = s3.Server.Settings }), input);

    [Theory]
    [InlineData(KeyLayout.Default)]
    [InlineData(KeyLayout.Organization)]
    [InlineData(KeyLayout.Hive)]
    [InlineData(KeyLayout.Hourly)]
    public async Task Load_EveryAwsLayout_ExactRowsWithAccountAndRegionFromTheKey(KeyLayout layout)
    {
        var bucket = await s3.NewBucketAsync("layout");
        await s3.Uploads.UploadAsync(s3.Server, bucket, layout, s3.Uploads.Logs);

        var summary = await Load($"s3://{bucket}/");

        Assert.True(summary.Committed, summary.Error);
        Assert.Equal(s3.Uploads.Logs.Count, summary.SourcesLoaded);
        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), summary.Rows);
        Assert.Equal(s3.Uploads.Logs.Count, summary.Skipped); // one header line per object
        Scratch.AssertAccounted(summary);
        Assert.Equal(summary.Rows, _s.Count());
        var partitions = _s.Query("SELECT DISTINCT CAST(\"aws-account-id\" AS VARCHAR), \"aws-region\" FROM flow_logs");
        Assert.Equal([[S3Uploads.Account, S3Uploads.Region]], partitions);
        Assert.True(summary.BytesDownloaded >= s3.Uploads.Logs.Sum(l => new FileInfo(l.Path).Length));
        Assert.All(summary.Sources, s => Assert.True(s.BytesDownloaded > 0));
    }

    [Theory]
    [InlineData(KeyLayout.Default)]
    [InlineData(KeyLayout.Organization)]
    [InlineData(KeyLayout.Hive)]
    [InlineData(KeyLayout.Hourly)]
    public async Task Load_DateWindow_ListsOnlyTheDaysAsked(KeyLayout layout)
    {
        var bucket = await s3.NewBucketAsync("window");
        await s3.Uploads.UploadAsync(s3.Server, bucket, layout, s3.Uploads.Logs, prefix: "flow/");
        var day2 = S3Uploads.FirstDay.AddDays(1);

        var summary = await Load($"s3://{bucket}/flow/", o => o with { Days = new Sources.DeliveryDays(day2, day2) });

        Assert.Equal(s3.Uploads.On(day2).Sum(l => l.Records), summary.Rows);
        Assert.Equal(s3.Uploads.On(day2).Count(), summary.SourcesListed);
        var full = summary.ListedPrefixes.Where(p => !p.EndsWith("(folders)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(full);
        Assert.All(full, p => Assert.EndsWith(S3Uploads.DayFolder(day2, layout), p));
        foreach (var other in new[] { S3Uploads.FirstDay, S3Uploads.FirstDay.AddDays(2) })
            Assert.DoesNotContain(summary.ListedPrefixes, p => p.Contains(S3Uploads.DayFolder(other, layout).TrimStart('/'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_ManyMoreObjectsThanDownloadSlots_EachSlotComesBack()
    {
        var bucket = await s3.NewBucketAsync("slots");
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, s3.Uploads.Logs);

        // One slot for 36 objects: a slot not given back when an object has been read would stall the load.
        var summary = await Load($"s3://{bucket}/", o => o with { Concurrency = 1 }).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), summary.Rows);
        Assert.InRange(summary.BytesDownloaded, s3.Uploads.Logs.Sum(l => new FileInfo(l.Path).Length), s3.Uploads.Logs.Sum(l => new FileInfo(l.Path).Length) + Sources.S3.S3ObjectReader.HeadBytes);
    }

    [Fact]
    public async Task Load_ObjectsUnderBookkeepingFoldersAndFolderMarkers_AreNotSources()
    {
        var bucket = await s3.NewBucketAsync("skip");
        var log = s3.Uploads.Logs[0];
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, [log]);
        await s3.Server.PutAsync(bucket, "_flowlogs/manifest/x.json", "{}");
        await s3.Server.PutAsync(bucket, ".spark/part-0", "not a flow log");
        await s3.Server.PutAsync(bucket, "AWSLogs/", "");

        var summary = await Load($"s3://{bucket}");

        Assert.Equal(1, summary.SourcesListed);
        Assert.Equal(log.Records, summary.Rows);
    }

    [Fact]
    public async Task Load_MissingBucket_IsAClearError()
    {
        var e = await Assert.ThrowsAsync<LoadFailedException>(() => Load("s3://no-such-bucket-here/AWSLogs/"));
        Assert.Contains("s3://no-such-bucket-here/AWSLogs/", e.Message);
        Assert.Contains("bucket does not exist", e.Message);
    }

    [Fact]
    public async Task Load_WarehouseAndInputBucketsBothMissing_ReportsTheWarehouse()
    {
        // The inputs are listed while the warehouse opens; a warehouse that cannot open is still what the load reports.
        var e = await Assert.ThrowsAsync<LoadFailedException>(() => Load("s3://no-such-input-bucket/AWSLogs/",
            o => o with { Warehouse = "s3://no-such-warehouse-bucket/wh", StagingDirectory = Path.Combine(_s.Root, "staging") }));
        Assert.Contains("the warehouse s3://no-such-warehouse-bucket/wh", e.Message);
        Assert.Contains("bucket does not exist", e.Message);
        Assert.DoesNotContain("no-such-input-bucket", e.Message);
    }

    [Fact]
    public async Task Load_InputBucketMissing_WarehouseOpened_ReportsTheInput()
    {
        var bucket = await s3.NewBucketAsync("warehouse");

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => Load("s3://no-such-input-bucket/AWSLogs/",
            o => o with { Warehouse = $"s3://{bucket}/wh", StagingDirectory = Path.Combine(_s.Root, "staging") }));
        Assert.Contains("s3://no-such-input-bucket/AWSLogs/", e.Message);
        Assert.Contains("bucket does not exist", e.Message);
    }
}
