using System.Text.Json;
using FlowLogWarehouse.Ec2.Tests.Fixtures;

namespace FlowLogWarehouse.Ec2.Tests;

/// <summary>
/// <c>create --dry-run</c>: sends nothing, and its three renderings (request, CloudFormation, AWS CLI) agree with the
/// flags and with the request the same flags send for real.
/// </summary>
public sealed class DryRunTests : Ec2TestBase
{
    private const string Role = "arn:aws:iam::123456789012:role/flow-logs-delivery";
    private const string Firehose = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/flow-logs";

    public static TheoryData<string> FlagSets => new()
    {
        "--resource vpc-0a1b2c3d --destination s3://flow-bucket/vpc --file-format parquet --hive-partitions --per-hour --max-aggregation 60 --tags team=network",
        "--resource subnet-11111111,subnet-22222222 --destination s3://flow-bucket --traffic REJECT --fields extended",
        "--resource eni-0fedcba9876543210 --destination cloudwatch:/vpc/flow --role-arn " + Role + " --for-reports nat-paths",
        "--resource vpc-0a1b2c3d --destination firehose:" + Firehose + " --fields all --max-aggregation 600",
    };

    private static string[] Flags(string flags) => flags.Split(' ');

    private async Task<DryRunOutput> DryRun(params string[] flags)
    {
        var result = await Run(["create", .. flags, "--dry-run"]);
        AssertOk(result);
        Assert.Empty(Ec2.Requests);
        return new DryRunOutput(result.StdOut);
    }

    [Theory]
    [MemberData(nameof(FlagSets))]
    public async Task DryRun_Request_IsWhatTheSameFlagsSend(string flags)
    {
        var dryRun = await DryRun(Flags(flags));

        AssertOk(await Run(["create", .. Flags(flags)]));
        var sent = Assert.Single(Ec2.RequestsFor("CreateFlowLogs"));
        Assert.Equal(sent.Lines, dryRun.RequestLines);
    }

    [Theory]
    [MemberData(nameof(FlagSets))]
    public async Task DryRun_CloudFormationAndAwsCli_SayWhatTheRequestSays(string flags)
    {
        var dryRun = await DryRun(Flags(flags));
        var request = dryRun.RequestLines.Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var resourceIds = request.Where(p => p.Key.StartsWith("ResourceId.", StringComparison.Ordinal)).Select(p => p.Value).ToList();

        var resources = dryRun.FlowLogResources;
        Assert.Equal(resourceIds, resources.Values.Select(p => p.GetProperty("ResourceId").GetString()));
        foreach (var properties in resources.Values)
        {
            foreach (var name in new[] { "ResourceType", "TrafficType", "LogDestinationType", "LogDestination", "LogGroupName", "LogFormat", "DeliverLogsPermissionArn" })
                Assert.Equal(request.GetValueOrDefault(name), properties.TryGetProperty(name, out var value) ? value.GetString() : null);
            Assert.Equal(request.GetValueOrDefault("MaxAggregationInterval"), properties.TryGetProperty("MaxAggregationInterval", out var interval) ? interval.GetInt32().ToString() : null);
        }

        Assert.Equal(["aws", "ec2", "create-flow-logs"], dryRun.AwsCli.Take(3));
        Assert.Equal(request["ResourceType"], dryRun.CliOption("--resource-type"));
        Assert.Equal(resourceIds, dryRun.AwsCli.SkipWhile(w => w != "--resource-ids").Skip(1).TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal)));
        Assert.Equal(request["TrafficType"], dryRun.CliOption("--traffic-type"));
        Assert.Equal(request["LogDestinationType"], dryRun.CliOption("--log-destination-type"));
        Assert.Equal(request.GetValueOrDefault("LogDestination"), dryRun.CliOption("--log-destination"));
        Assert.Equal(request.GetValueOrDefault("LogGroupName"), dryRun.CliOption("--log-group-name"));
        Assert.Equal(request["LogFormat"], dryRun.CliOption("--log-format"));
        Assert.Equal(request.GetValueOrDefault("MaxAggregationInterval"), dryRun.CliOption("--max-aggregation-interval"));
        Assert.Equal(request.GetValueOrDefault("DeliverLogsPermissionArn"), dryRun.CliOption("--deliver-logs-permission-arn"));
    }

    [Fact]
    public async Task DryRun_S3Options_AreInAllThree()
    {
        var dryRun = await DryRun("--resource", "vpc-0a1b2c3d", "--destination", "s3://flow-bucket/vpc", "--file-format", "parquet", "--per-hour",
            "--tags", "team=network", "--tags", "note=it's \"quoted\"");

        Assert.Contains("DestinationOptions.FileFormat=parquet", dryRun.RequestLines);
        Assert.Contains("DestinationOptions.PerHourPartition=true", dryRun.RequestLines);
        Assert.DoesNotContain(dryRun.RequestLines, l => l.StartsWith("DestinationOptions.HiveCompatiblePartitions", StringComparison.Ordinal));

        var properties = Assert.Single(dryRun.FlowLogResources).Value;
        Assert.Equal("FlowLog", Assert.Single(dryRun.FlowLogResources).Key);
        // CloudFormation requires all three destination options; the ones not chosen take EC2's defaults.
        var options = properties.GetProperty("DestinationOptions");
        Assert.Equal("parquet", options.GetProperty("FileFormat").GetString());
        Assert.False(options.GetProperty("HiveCompatiblePartitions").GetBoolean());
        Assert.True(options.GetProperty("PerHourPartition").GetBoolean());
        Assert.Equal(
            [("team", "network"), ("note", "it's \"quoted\"")],
            properties.GetProperty("Tags").EnumerateArray().Select(t => (t.GetProperty("Key").GetString(), t.GetProperty("Value").GetString())));

        using var cliOptions = JsonDocument.Parse(dryRun.CliOption("--destination-options")!);
        Assert.Equal("""{"FileFormat":"parquet","PerHourPartition":true}""", cliOptions.RootElement.GetRawText());
        using var cliTags = JsonDocument.Parse(dryRun.CliOption("--tag-specifications")!);
        var specification = Assert.Single(cliTags.RootElement.EnumerateArray());
        Assert.Equal("vpc-flow-log", specification.GetProperty("ResourceType").GetString());
        Assert.Equal(
            [("team", "network"), ("note", "it's \"quoted\"")],
            specification.GetProperty("Tags").EnumerateArray().Select(t => (t.GetProperty("Key").GetString(), t.GetProperty("Value").GetString())));
    }

    [Fact]
    public async Task DryRun_SeveralResources_AreOneFlowLogResourceEach()
    {
        var dryRun = await DryRun("--resource", "subnet-11111111,subnet-2222aaaa", "--destination", "s3://flow-bucket");

        Assert.Equal(["FlowLogSubnet11111111", "FlowLogSubnet2222aaaa"], dryRun.FlowLogResources.Keys);
        Assert.Equal("2010-09-09", dryRun.CloudFormation.GetProperty("AWSTemplateFormatVersion").GetString());
    }

    [Fact]
    public async Task DryRun_AwsSettings_AreOnTheAwsCliLine()
    {
        var result = await CliProcessRun("create", "--resource", "vpc-0a1b2c3d", "--destination", "s3://flow-bucket", "--dry-run",
            "--region", "eu-central-1", "--profile", "ops");

        AssertOk(result);
        var dryRun = new DryRunOutput(result.StdOut);
        Assert.Equal("eu-central-1", dryRun.CliOption("--region"));
        Assert.Equal("ops", dryRun.CliOption("--profile"));
        Assert.Null(dryRun.CliOption("--endpoint-url"));
    }

    // A dry run needs no endpoint and no credentials: nothing is sent.
    private static Task<TestSupport.CliResult> CliProcessRun(params string[] args) => TestSupport.CliProcess.RunAsync(args);
}
