using System.Text.Json;
using FlowLogWarehouse.TestSupport;
using Serilog;
using Serilog.Core;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// The S3 server dies mid-load, and the loader is SIGKILLed mid-upload into an S3 warehouse: the warehouse shows
/// whole batches or none, and the next run completes with exact counts.
/// </summary>
public sealed class S3CrashTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task ServerKilledMidLoad_ClearErrorNothingVisible_NextRunExact()
    {
        var bucket = await s3.NewBucketAsync("killed");
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, s3.Uploads.Logs);
        var options = new LoadOptions { Inputs = [$"s3://{bucket}/"], Warehouse = _s.Warehouse, Aws = s3.Server.Settings, Concurrency = 2 };

        // The sink runs on the loader's thread: the server is dead before the loader reads its first object.
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new OnMessage("Loading", s3.Server.Kill)).CreateLogger();
        try
        {
            var e = await Assert.ThrowsAsync<LoadFailedException>(() => WarehouseLoader.LoadAsync(options, log));
            Assert.Contains("S3 could not be reached", e.Message);
            Assert.Contains("Nothing was committed", e.Message);
        }
        finally
        {
            await s3.Server.RestartAsync();
        }
        Assert.Empty(_s.DataFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "manifest")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_s.Warehouse, "_flowlogs", "staging")));

        var again = await WarehouseLoader.LoadAsync(options, Logger.None);

        Assert.Equal(s3.Uploads.Logs.Count, again.SourcesLoaded);
        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), _s.Count());
    }

    [Fact]
    public async Task S3Warehouse_LoadRerunAndLayout()
    {
        var (logs, warehouse) = (await s3.NewBucketAsync("logs"), await s3.NewBucketAsync("wh"));
        await s3.Uploads.UploadAsync(s3.Server, logs, KeyLayout.Default, s3.Uploads.Logs);

        var first = await RunCli(logs, warehouse);
        Assert.True(first.ExitCode == 0, first.ToString());
        var keys = await s3.Server.ListKeysAsync(warehouse, "nightly/");
        Assert.Single(keys, k => k.StartsWith("nightly/_flowlogs/manifest/", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains("/journal/", StringComparison.Ordinal));
        Assert.All(keys.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)), k =>
            Assert.StartsWith($"nightly/AWSLogs/aws-account-id={S3Uploads.Account}/aws-service=vpcflowlogs/aws-region={S3Uploads.Region}/year=2026/month=11/day=0", k));
        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), await CountRows(warehouse));

        var second = await RunCli(logs, warehouse);
        Assert.Contains("Nothing new to load", second.StdOut);
        Assert.Equal(keys, await s3.Server.ListKeysAsync(warehouse, "nightly/"));
    }

    [Fact]
    public async Task LoaderKilledMidUpload_NextRunCleansAndCompletes_NoDuplicates()
    {
        var (logs, warehouse) = (await s3.NewBucketAsync("logs"), await s3.NewBucketAsync("wh"));
        await s3.Uploads.UploadAsync(s3.Server, logs, KeyLayout.Default, s3.Uploads.Logs);

        var killed = await RunCli(logs, warehouse, fault: "mid-upload");
        Assert.Equal(137, killed.ExitCode);
        var left = await s3.Server.ListKeysAsync(warehouse, "nightly/");
        Assert.Contains(left, k => k.EndsWith(".parquet", StringComparison.Ordinal)); // some objects were up
        Assert.Contains(left, k => k.StartsWith("nightly/_flowlogs/journal/", StringComparison.Ordinal));
        Assert.DoesNotContain(left, k => k.StartsWith("nightly/_flowlogs/manifest/", StringComparison.Ordinal));

        var rerun = await RunCli(logs, warehouse);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("Rolled back batch", rerun.StdErr);

        var keys = await s3.Server.ListKeysAsync(warehouse, "nightly/");
        Assert.DoesNotContain(keys, k => k.StartsWith("nightly/_flowlogs/journal/", StringComparison.Ordinal));
        var manifestKey = Assert.Single(keys, k => k.StartsWith("nightly/_flowlogs/manifest/", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(await s3.Server.GetBytesAsync(warehouse, manifestKey));
        var committed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => "nightly/" + f.GetProperty("path").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(committed, keys.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(s3.Uploads.Logs.Sum(l => l.Records), await CountRows(warehouse));
    }

    [Fact]
    public async Task Credentials_NeverAppearInOutput()
    {
        const string secret = "do-not-print-this-secret-0123456789";
        var env = new Dictionary<string, string>(s3.Server.Environment) { ["AWS_SECRET_ACCESS_KEY"] = secret };
        var bucket = await s3.NewBucketAsync("secret");
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, s3.Uploads.Logs.Take(2));

        var ok = await CliProcess.RunAsync(["load", $"s3://{bucket}/", "--warehouse", _s.Warehouse, "--endpoint-url", s3.Server.Endpoint, "-v"], new CliRun { Environment = env });
        var failed = await CliProcess.RunAsync(["load", "s3://no-such-bucket-x/", "--warehouse", _s.Warehouse, "--endpoint-url", s3.Server.Endpoint, "-v"], new CliRun { Environment = env });

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("bucket does not exist", failed.StdErr);
        foreach (var output in new[] { ok.StdOut, ok.StdErr, failed.StdOut, failed.StdErr })
            Assert.DoesNotContain(secret, output);
    }

    private Task<CliResult> RunCli(string logsBucket, string warehouseBucket, string? fault = null)
    {
        var env = new Dictionary<string, string>(s3.Server.Environment);
        if (fault is not null)
            env["FLOWLOGS_FAULT"] = fault;
        return CliProcess.RunAsync(
            ["load", $"s3://{logsBucket}/AWSLogs/", "--warehouse", $"s3://{warehouseBucket}/nightly", "--endpoint-url", s3.Server.Endpoint,
             "--staging-dir", Path.Combine(_s.Root, "staging")],
            new CliRun { Environment = env });
    }

    /// <summary>Rows of an S3 warehouse: its objects copied to a local folder and read with DuckDB.</summary>
    private async Task<long> CountRows(string bucket)
    {
        var local = Path.Combine(_s.Root, "mirror-" + Guid.NewGuid().ToString("N"));
        foreach (var key in await s3.Server.ListKeysAsync(bucket, "nightly/AWSLogs/"))
        {
            var path = Path.Combine(local, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, await s3.Server.GetBytesAsync(bucket, key));
        }
        return DuckDbQuery.Long("SELECT count(*) FROM read_parquet($1, hive_partitioning = true)", Path.Combine(local, "nightly", "AWSLogs", "**", "*.parquet"));
    }
}
