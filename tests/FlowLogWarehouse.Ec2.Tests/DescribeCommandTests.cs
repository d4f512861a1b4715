using System.Text.Json;
using FlowLogWarehouse.Ec2.Tests.Fixtures;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Ec2.Tests;

/// <summary><c>flowlogs describe</c> against the fake EC2 holding two flow logs, one page at a time.</summary>
public sealed class DescribeCommandTests : Ec2TestBase
{
    private const string ParquetFormat = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${start} ${end} ${action}";
    private const string CloudWatchFormat = "${interface-id} ${srcaddr} ${dstaddr} ${start} ${end} ${action} ${log-status}";

    private void AddTwo()
    {
        Ec2.Add(new FakeEc2FlowLog
        {
            FlowLogId = "fl-0123456789abcdef0",
            ResourceId = "vpc-0a1b2c3d",
            LogDestination = "arn:aws:s3:::flow-bucket/vpc",
            LogFormat = ParquetFormat,
            FileFormat = "parquet",
            HiveCompatiblePartitions = true,
            PerHourPartition = true,
            Tags = [new("team", "network")],
        });
        Ec2.Add(new FakeEc2FlowLog
        {
            FlowLogId = "fl-0fedcba9876543210",
            ResourceId = "subnet-11111111",
            TrafficType = "REJECT",
            LogDestinationType = "cloud-watch-logs",
            LogGroupName = "/vpc/flow",
            LogFormat = CloudWatchFormat,
            DeliverLogsPermissionArn = "arn:aws:iam::123456789012:role/flow-logs-delivery",
            DeliverLogsStatus = "FAILED",
            MaxAggregationInterval = 60,
        });
        // One flow log a page: describe must follow nextToken.
        Ec2.PageSize = 1;
    }

    [Fact]
    public async Task Describe_ListsEveryFlowLogWithDestinationAndFormat()
    {
        AddTwo();

        var result = await Run("describe");

        AssertOk(result);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches("^FLOW LOG +RESOURCE +TRAFFIC +DESTINATION +STATUS +DELIVERY +FORMAT$", lines[0]);
        Assert.Matches(@"^fl-0123456789abcdef0 +vpc-0a1b2c3d +ALL +s3://flow-bucket/vpc +ACTIVE +SUCCESS +" + Escape(ParquetFormat) + "$", lines[1]);
        Assert.Matches(@"^fl-0fedcba9876543210 +subnet-11111111 +REJECT +cloudwatch:/vpc/flow +ACTIVE +FAILED +" + Escape(CloudWatchFormat) + "$", lines[2]);
        Assert.Equal(2, Ec2.RequestsFor("DescribeFlowLogs").Count);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    [Fact]
    public async Task Describe_Json_HasEveryProperty()
    {
        AddTwo();

        var result = await Run("describe", "--json");

        AssertOk(result);
        using var document = JsonDocument.Parse(result.StdOut);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var s3 = items[0];
        Assert.Equal("fl-0123456789abcdef0", s3.GetProperty("flow_log_id").GetString());
        Assert.Equal("s3://flow-bucket/vpc", s3.GetProperty("destination").GetString());
        Assert.Equal("arn:aws:s3:::flow-bucket/vpc", s3.GetProperty("log_destination").GetString());
        Assert.Equal(ParquetFormat, s3.GetProperty("log_format").GetString());
        Assert.Equal("parquet", s3.GetProperty("file_format").GetString());
        Assert.True(s3.GetProperty("hive_compatible_partitions").GetBoolean());
        Assert.Equal(600, s3.GetProperty("max_aggregation_interval").GetInt32());
        Assert.Equal("2026-11-01T12:00:00Z", s3.GetProperty("creation_time").GetString());
        Assert.Equal("network", s3.GetProperty("tags").GetProperty("team").GetString());
        var cloudWatch = items[1];
        Assert.Equal("cloudwatch:/vpc/flow", cloudWatch.GetProperty("destination").GetString());
        Assert.Equal("/vpc/flow", cloudWatch.GetProperty("log_group_name").GetString());
        Assert.Equal(JsonValueKind.Null, cloudWatch.GetProperty("file_format").ValueKind);
        Assert.Equal(60, cloudWatch.GetProperty("max_aggregation_interval").GetInt32());
    }

    [Fact]
    public async Task Describe_Resource_AsksEc2ForThatResourceOnly()
    {
        AddTwo();

        var result = await Run("describe", "--resource", "subnet-11111111");

        AssertOk(result);
        Assert.Contains("fl-0fedcba9876543210", result.StdOut);
        Assert.DoesNotContain("fl-0123456789abcdef0", result.StdOut);
        var request = Ec2.RequestsFor("DescribeFlowLogs")[0];
        Assert.Equal("resource-id", request["Filter.1.Name"]);
        Assert.Equal("subnet-11111111", request["Filter.1.Value.1"]);
    }

    [Fact]
    public async Task Describe_None_SaysSoOnStderr()
    {
        var result = await Run("describe");

        AssertOk(result);
        Assert.Equal("", result.StdOut);
        Assert.Equal("No flow logs in this account and region.\n", result.StdErr);
    }

    [Fact]
    public async Task Describe_AfterCreate_ShowsTheFormatCreateSent()
    {
        var created = await Run("create", "--resource", "vpc-0a1b2c3d", "--destination", "s3://flow-bucket", "--for-reports", "nat-paths");
        AssertOk(created);

        var result = await Run("describe", "--json");

        AssertOk(result);
        using var document = JsonDocument.Parse(result.StdOut);
        var item = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(created.StdOut.Trim(), item.GetProperty("flow_log_id").GetString());
        Assert.Equal(Ec2.RequestsFor("CreateFlowLogs")[0]["LogFormat"], item.GetProperty("log_format").GetString());
    }
}
