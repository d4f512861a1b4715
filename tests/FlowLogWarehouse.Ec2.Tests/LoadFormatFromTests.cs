using FlowLogWarehouse.Ec2.Tests.Fixtures;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Ec2.Tests;

/// <summary>
/// <c>load --format-from fl-…</c>: sources without a header line (CloudWatch Logs exports) are read with the format
/// EC2 describes for that flow log.
/// </summary>
public sealed class LoadFormatFromTests : Ec2TestBase, IDisposable
{
    private const string FlowLogId = "fl-0aaaabbbbccccdddd";
    private const string Format = "${version} ${interface-id} ${srcaddr} ${pkt-srcaddr} ${dstaddr} ${dstport} ${start} ${end} ${action} ${flow-direction} ${traffic-path} ${account-id}";

    private readonly TempDirectory _temp = new("format-from");

    public void Dispose() => _temp.Dispose();

    private string WriteCloudWatchExport()
    {
        // As a CloudWatch Logs export holds them: one record a line, no header line.
        var path = _temp.Combine("export.log");
        File.WriteAllLines(path,
        [
            "5 eni-0a1b2c3d 10.0.1.5 203.0.113.9 198.51.100.7 443 1793520000 1793520060 ACCEPT egress 8 123456789012",
            "5 eni-0a1b2c3d 10.0.1.5 10.0.1.5 198.51.100.8 22 1793520100 1793520160 REJECT egress 8 123456789012",
        ]);
        return path;
    }

    private Task<CliResult> Load(params string[] args) =>
        CliProcess.RunAsync(["load", .. args], new CliRun { Environment = Ec2.Environment });

    [Fact]
    public async Task Load_FormatFrom_ReadsAHeaderlessExportWithTheFlowLogsFormat()
    {
        Ec2.Add(new FakeEc2FlowLog { FlowLogId = FlowLogId, ResourceId = "vpc-0a1b2c3d", LogDestinationType = "cloud-watch-logs", LogGroupName = "/vpc/flow", LogFormat = Format });
        var warehouse = _temp.Combine("wh");

        var result = await Load(WriteCloudWatchExport(), "--warehouse", warehouse, "--format-from", FlowLogId, "--ec2-endpoint-url", Ec2.Endpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(Ec2.RequestsFor("DescribeFlowLogs"));
        Assert.Equal(FlowLogId, request["FlowLogId.1"]);
        var rows = DuckDbQuery.Rows(
            $"SELECT pkt_srcaddr, flow_direction, traffic_path, dstport FROM read_parquet('{DuckDbQuery.DataGlob(warehouse)}', hive_partitioning=true) ORDER BY start");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["203.0.113.9", "egress", 8, 443], rows[0]);
        Assert.Equal(["10.0.1.5", "egress", 8, 22], rows[1]);
    }

    [Fact]
    public async Task Load_FormatFromAFlowLogEc2DoesNotHave_IsAUsageError()
    {
        var result = await Load(WriteCloudWatchExport(), "--warehouse", _temp.Combine("wh"), "--format-from", "fl-0000000000000000f", "--ec2-endpoint-url", Ec2.Endpoint);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EC2 has no flow log fl-0000000000000000f in this account and region; 'flowlogs describe' lists them.", result.StdErr);
        Assert.False(Directory.Exists(_temp.Combine("wh", "AWSLogs")));
    }

    [Fact]
    public async Task Load_FormatAndFormatFrom_IsAUsageErrorBeforeAnyRequest()
    {
        var result = await Load(WriteCloudWatchExport(), "--warehouse", _temp.Combine("wh"), "--format", "base", "--format-from", FlowLogId, "--ec2-endpoint-url", Ec2.Endpoint);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Give --format or --format-from, not both.", result.StdErr);
        Assert.Empty(Ec2.Requests);
    }

    [Fact]
    public async Task Load_FormatFromWhenEc2RefusesTheCaller_ExitsOne()
    {
        Ec2.FailNext(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");

        var result = await Load(WriteCloudWatchExport(), "--warehouse", _temp.Combine("wh"), "--format-from", FlowLogId, "--ec2-endpoint-url", Ec2.Endpoint);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EC2 refused DescribeFlowLogs: UnauthorizedOperation", result.StdErr);
        Assert.False(HasStackTrace(result.StdErr));
    }
}
