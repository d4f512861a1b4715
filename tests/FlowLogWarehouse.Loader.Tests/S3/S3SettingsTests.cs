using System.Text.Json;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>AWS settings the AWS CLI way, through the real CLI: profiles from the shared files, clear setting errors.</summary>
public sealed class S3SettingsTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Profile_FromTheSharedCredentialsFile_AndTheSummaryJsonCountsObjects()
    {
        var bucket = await s3.NewBucketAsync("profile");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).Take(4).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        var credentials = Path.Combine(_s.Root, "credentials");
        File.WriteAllText(credentials, $"[nightly]\naws_access_key_id = {S3Server.AccessKey}\naws_secret_access_key = {S3Server.SecretKey}\n");
        var config = Path.Combine(_s.Root, "config");
        File.WriteAllText(config, "[profile nightly]\nregion = eu-west-3\n");
        var env = new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_CONFIG_FILE"] = config,
            // Keys in the environment would win over nothing here, but must not be what made it work.
            ["AWS_ACCESS_KEY_ID"] = "",
            ["AWS_SECRET_ACCESS_KEY"] = "",
        };
        var json = Path.Combine(_s.Root, "summary.json");

        var result = await CliProcess.RunAsync(
            ["load", $"s3://{bucket}/", "--warehouse", _s.Warehouse, "--endpoint-url", s3.Server.Endpoint, "--profile", "nightly", "--summary-json", json],
            new CliRun { Environment = env });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("4 source(s) found: 4 loaded", result.StdOut);
        Assert.Contains("Downloaded ", result.StdOut);
        using var summary = JsonDocument.Parse(File.ReadAllText(json));
        var root = summary.RootElement;
        Assert.Equal(4, root.GetProperty("sources_listed").GetInt32());
        Assert.Equal(4, root.GetProperty("sources_loaded").GetInt32());
        Assert.Equal(logs.Sum(l => l.Records), root.GetProperty("rows").GetInt64());
        // Each object once, plus the head of the one object probed for their flow log (all of it when small).
        var sizes = logs.OrderBy(l => S3Uploads.KeyOf(l, KeyLayout.Default), StringComparer.Ordinal).Select(l => new FileInfo(l.Path).Length).ToList();
        Assert.Equal(sizes.Sum() + Math.Min(sizes[0], Sources.S3.S3ObjectReader.HeadBytes), root.GetProperty("bytes_downloaded").GetInt64());
        foreach (var source in root.GetProperty("sources").EnumerateArray())
        {
            Assert.StartsWith($"s3://{bucket}/AWSLogs/", source.GetProperty("source").GetString());
            Assert.Equal(source.GetProperty("lines_read").GetInt64(),
                source.GetProperty("rows").GetInt64() + source.GetProperty("quarantined").GetInt64() + source.GetProperty("skipped").GetInt64());
        }
    }

    [Fact]
    public async Task UnknownProfile_IsAUsageErrorNamingIt()
    {
        var env = new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_s.Root, "none"), ["AWS_CONFIG_FILE"] = Path.Combine(_s.Root, "none") };
        var result = await CliProcess.RunAsync(["load", "s3://some-bucket/", "--warehouse", _s.Warehouse, "--profile", "nope"], new CliRun { Environment = env });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The AWS profile 'nope' was not found", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public async Task AwsDeliveredParquetObject_LoadsWithTheSameAccounting()
    {
        var bucket = await s3.NewBucketAsync("parquet");
        var local = AwsParquet.FromQuery(Path.Combine(_s.Root, "aws.parquet"),
            "SELECT 5 AS version, '012345678901' AS account_id, 'eni-0a1b2c3d' AS interface_id, '10.0.0.' || (i % 200) AS srcaddr, " +
            "(1764547200 + i)::BIGINT AS start, (i * 10)::BIGINT AS bytes, 'ACCEPT' AS action, 'OK' AS log_status FROM range(5000) r(i)",
            rowGroupRows: 1000);
        await s3.Server.PutAsync(bucket,
            "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=ap-south-1/year=2025/month=12/day=01/hour=00/" +
            "012345678901_vpcflowlogs_ap-south-1_fl-1_20251201T0000Z_hash.log.parquet", await File.ReadAllBytesAsync(local));

        var summary = await _s.LoadAsync(o => o with { Aws = s3.Server.Settings }, $"s3://{bucket}/AWSLogs/");

        var source = Assert.Single(summary.Sources);
        Assert.Equal("parquet", source.Kind);
        Assert.Equal(5000, source.LinesRead);
        Assert.Equal(5000, source.Rows);
        Assert.Equal(0, source.Skipped);
        Assert.Equal([[5000L, 124_975_000L, "012345678901", "ap-south-1"]],
            _s.Query("SELECT count(*), CAST(sum(bytes) AS BIGINT), CAST(account_id AS VARCHAR), \"aws-region\" FROM flow_logs GROUP BY ALL"));
    }
}
