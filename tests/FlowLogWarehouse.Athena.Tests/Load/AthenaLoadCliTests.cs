using System.Text.Json;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests.Load;

/// <summary>The real CLI, <c>flowlogs load --engine athena</c>, against s3rver and the fake Athena.</summary>
public sealed class AthenaLoadCliTests(AthenaLoadFixture f) : IClassFixture<AthenaLoadFixture>, IDisposable
{
    private readonly TempDirectory _local = new("athena-load-cli");

    public void Dispose() => _local.Dispose();

    private Task<CliResult> Load(string raw, string warehouse, string? fault = null, params string[] more)
    {
        // One key pair for both servers: s3rver checks its key, the fake Athena only the signature's form and region.
        var env = new Dictionary<string, string>(f.S3.Environment) { ["AWS_REGION"] = FakeAthena.Region };
        if (fault is not null)
            env["FLOWLOGS_FAULT"] = fault;
        return CliProcess.RunAsync(
            ["load", $"s3://{raw}/AWSLogs/", "--warehouse", warehouse, "--engine", "athena", "--endpoint-url", f.S3.Endpoint,
             "--athena-endpoint-url", f.Athena.Fake.Endpoint, "--athena-database", "flowlogs_cli", "--staging-dir", Path.Combine(_local.Path, "staging"), .. more],
            new CliRun { Environment = env });
    }

    [Fact]
    public async Task LoadEngineAthena_LoadsAndSaysWhatAthenaScanned_AgainLoadsNothing()
    {
        var (raw, warehouse) = (await f.NewBucketAsync("cliraw"), await f.NewBucketAsync("cliwh"));
        await f.UploadAsync(raw, f.Logs);

        var first = await Load(raw, $"s3://{warehouse}/flow");
        var again = await Load(raw, $"s3://{warehouse}/flow");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("bytes scanned", first.StdErr);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing new to load", again.StdOut);
        await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
    }

    [Fact]
    public async Task LoadEngineAthena_IntoALocalDirectory_IsAUsageError()
    {
        var result = await Load("any-bucket", _local.Combine("wh"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("warehouse on S3", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public async Task LoaderKilledMidCopy_NextRunCleansAndCompletes_NoDuplicates()
    {
        var (raw, warehouse) = (await f.NewBucketAsync("killraw"), await f.NewBucketAsync("killwh"));
        await f.UploadAsync(raw, f.Logs);

        var killed = await Load(raw, $"s3://{warehouse}/flow", fault: "mid-upload");
        Assert.Equal(137, killed.ExitCode);
        var left = await f.S3.ListKeysAsync(warehouse, "flow/");
        Assert.Contains(left, k => k.EndsWith(".parquet", StringComparison.Ordinal) && k.StartsWith("flow/AWSLogs/", StringComparison.Ordinal));
        Assert.Contains(left, k => k.StartsWith("flow/_flowlogs/remote/", StringComparison.Ordinal));
        Assert.DoesNotContain(left, k => k.StartsWith("flow/_flowlogs/manifest/", StringComparison.Ordinal));

        var rerun = await Load(raw, $"s3://{warehouse}/flow");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("Rolled back batch", rerun.StdErr);

        var keys = await f.S3.ListKeysAsync(warehouse, "flow/");
        Assert.DoesNotContain(keys, k => k.StartsWith("flow/_flowlogs/journal/", StringComparison.Ordinal) || k.StartsWith("flow/_flowlogs/remote/", StringComparison.Ordinal));
        var manifestKey = Assert.Single(keys, k => k.StartsWith("flow/_flowlogs/manifest/", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(await f.S3.GetBytesAsync(warehouse, manifestKey));
        var committed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(x => "flow/" + x.GetProperty("path").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(committed, keys.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
    }
}
