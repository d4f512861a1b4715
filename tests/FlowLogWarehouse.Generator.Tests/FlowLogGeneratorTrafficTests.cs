using FlowLogWarehouse.Generator.Tests.Fixtures;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>The traffic mix contains what reports look for, with values that are consistent with each other.</summary>
public sealed class FlowLogGeneratorTrafficTests(AllFieldsDay day) : IClassFixture<AllFieldsDay>
{
    private static readonly string[] CountFields = ["srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "action"];

    [Theory]
    [InlineData("NODATA")]
    [InlineData("SKIPDATA")]
    public void Traffic_CaptureGapLines_HaveDashesButRealTimes(string status)
    {
        var gaps = day.Rows.Where(r => r["log-status"] == status).ToList();

        Assert.NotEmpty(gaps);
        Assert.True(gaps.Count < day.Rows.Count / 20, $"{gaps.Count} {status} lines of {day.Rows.Count} is not 'some'");
        Assert.All(gaps, r =>
        {
            Assert.All(CountFields, f => Assert.True(r.IsDash(f), $"{status} line has {f} = {r[f]}"));
            Assert.True(r.Number("end") >= r.Number("start"));
            Assert.StartsWith("eni-", r["interface-id"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Traffic_OkLines_HaveEveryCountField()
    {
        Assert.All(day.Rows.Where(r => r["log-status"] == "OK"), r => Assert.All(CountFields, f => Assert.False(r.IsDash(f), f)));
    }

    [Theory]
    [InlineData(22)]
    [InlineData(3389)]
    public void Traffic_AdminPortsFromOutsideTheVpc_AreRejected(int port)
    {
        var fromOutside = day.Rows.Where(r => r["dstport"] == port.ToString() && FlowRow.IsInternet(r["srcaddr"])).ToList();

        Assert.Contains(fromOutside, r => r["action"] == "REJECT" && r["flow-direction"] == "ingress" && FlowRow.InVpc(r["dstaddr"]));
    }

    [Fact]
    public void Traffic_Scanners_ProbeManyDistinctPortsFromOneSource()
    {
        var portsPerSource = day.Rows
            .Where(r => r["action"] == "REJECT" && FlowRow.IsInternet(r["srcaddr"]))
            .GroupBy(r => r["srcaddr"])
            .Select(g => g.Select(r => r["dstport"]).Distinct().Count())
            .ToList();

        Assert.True(portsPerSource.Max() >= 100, $"the busiest rejected source probed only {portsPerSource.Max()} distinct ports");
    }

    [Fact]
    public void Traffic_WebTier_ReceivesHttpsFromTheInternetAndCallsAppAndDb()
    {
        Assert.Contains(day.Rows, r => r["dstport"] == "443" && r["action"] == "ACCEPT" && FlowRow.IsInternet(r["srcaddr"]) && FlowRow.InVpc(r["dstaddr"]));
        Assert.Contains(day.Rows, r => r["dstport"] == "8080" && FlowRow.InVpc(r["srcaddr"]) && FlowRow.InVpc(r["dstaddr"]));
        Assert.Contains(day.Rows, r => r["dstport"] == "5432" && FlowRow.InVpc(r["srcaddr"]) && FlowRow.InVpc(r["dstaddr"]));
        Assert.Contains(day.Rows, r => r["dstport"] == "3306" && FlowRow.InVpc(r["srcaddr"]) && FlowRow.InVpc(r["dstaddr"]));
    }

    [Fact]
    public void Traffic_NatGatewayInterface_LogsOriginalAddressesInPktFields()
    {
        // The NAT gateway's ENI is requester-managed: no instance, its own address in srcaddr/dstaddr.
        var translated = day.Rows.Where(r => r["pkt-srcaddr"] != r["srcaddr"] || r["pkt-dstaddr"] != r["dstaddr"]).ToList();

        Assert.NotEmpty(translated);
        Assert.All(translated, r => Assert.Equal("-", r["instance-id"]));
        Assert.Single(translated.Select(r => r["interface-id"]).Distinct());
        Assert.Contains(translated, r => FlowRow.InVpc(r["srcaddr"]) && FlowRow.IsInternet(r["pkt-srcaddr"]));
        Assert.Contains(translated, r => FlowRow.InVpc(r["dstaddr"]) && FlowRow.IsInternet(r["pkt-dstaddr"]));
        var natInterface = translated[0]["interface-id"];
        Assert.Contains(day.Rows, r => r["interface-id"] == natInterface && r["flow-direction"] == "egress"
            && FlowRow.IsInternet(r["dstaddr"]) && r["traffic-path"] is "8" or "2");
    }

    [Fact]
    public void Traffic_PacketsAndBytes_AreConsistent()
    {
        Assert.All(day.Rows.Where(r => r["log-status"] == "OK"), r =>
        {
            var packets = r.Number("packets");
            Assert.True(packets >= 1, $"no packets: {string.Join(' ', r.Values)}");
            Assert.True(r.Number("bytes") >= 40 * packets, $"bytes < 40 × packets: {string.Join(' ', r.Values)}");
        });
    }

    [Fact]
    public void Traffic_AggregationWindows_AreMostlyAboutAMinute()
    {
        var durations = day.Rows.Select(r => r.Number("end") - r.Number("start")).ToList();

        Assert.All(durations, d => Assert.InRange(d, 0, 60));
        Assert.True(durations.Count(d => d >= 45) > durations.Count / 2, "most records should span most of a 60-second window");
    }

    [Fact]
    public void Traffic_TcpFlags_AreOnesAwsReports()
    {
        var ok = day.Rows.Where(r => r["log-status"] == "OK").ToList();
        var tcpFlags = ok.Where(r => r["protocol"] == "6").Select(r => r["tcp-flags"]).ToHashSet();

        Assert.Subset(new HashSet<string> { "0", "1", "2", "3", "4", "18", "19" }, tcpFlags);
        Assert.Superset(new HashSet<string> { "2", "18", "3", "19" }, tcpFlags);
        Assert.All(ok.Where(r => r["protocol"] != "6"), r => Assert.Equal("0", r["tcp-flags"]));
    }

    [Fact]
    public void Traffic_TrafficPath_OnlyOnEgress()
    {
        Assert.All(day.Rows.Where(r => r["flow-direction"] == "ingress"), r => Assert.Equal("-", r["traffic-path"]));
        var egressPaths = day.Rows.Where(r => r["flow-direction"] == "egress").Select(r => r["traffic-path"]).ToHashSet();
        Assert.Subset(new HashSet<string> { "1", "2", "7", "8", "-" }, egressPaths);
        Assert.Superset(new HashSet<string> { "1", "2", "7", "8" }, egressPaths);
    }

    [Fact]
    public void Traffic_IPv6AndIcmp_ArePresentAndTyped()
    {
        var ok = day.Rows.Where(r => r["log-status"] == "OK").ToList();

        Assert.Contains(ok, r => r["type"] == "IPv6");
        Assert.All(ok, r => Assert.Equal(r["type"] == "IPv6", r["srcaddr"].Contains(':') && r["dstaddr"].Contains(':')));
        Assert.Contains(ok, r => r["protocol"] == "1" && r["type"] == "IPv4");
        Assert.Contains(ok, r => r["protocol"] == "58" && r["type"] == "IPv6");
        Assert.All(ok.Where(r => r["protocol"] is "1" or "58"), r => Assert.Equal(("0", "0"), (r["srcport"], r["dstport"])));
    }

    [Fact]
    public void Traffic_AwsServiceNames_MarkS3ThroughTheGatewayEndpointAndAmazonThroughTheNat()
    {
        var toS3 = day.Rows.Where(r => r["pkt-dst-aws-service"] == "S3").ToList();

        Assert.NotEmpty(toS3);
        Assert.All(toS3, r => Assert.True(r["traffic-path"] is "7" or "2", $"S3 egress took path {r["traffic-path"]}"));
        Assert.Contains(day.Rows, r => r["pkt-src-aws-service"] == "S3" && r["flow-direction"] == "ingress");
        Assert.Contains(day.Rows, r => r["pkt-dst-aws-service"] == "AMAZON");
        Assert.All(day.Rows, r => Assert.Contains(r["pkt-dst-aws-service"], new[] { "-", "S3", "AMAZON" }));
    }

    [Fact]
    public void Traffic_Accepts_OutnumberRejects()
    {
        var accepted = day.Rows.Count(r => r["action"] == "ACCEPT");
        var rejected = day.Rows.Count(r => r["action"] == "REJECT");

        Assert.InRange(rejected, day.Rows.Count / 50, accepted / 2);
    }
}

/// <summary>Traffic facts checked in other formats and with other options.</summary>
public sealed class FlowLogGeneratorTrafficOptionsTests
{
    [Fact]
    public void Traffic_V5Format_HasNatRowsWherePktSrcaddrDiffersFromSrcaddr()
    {
        using var dir = new TempDirectory();
        var result = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, RowsPerDay = 2_880, Format = "v5" });

        var rows = FlowRow.ParseAll(LogFile.ReadAll(dir.Path), result.Format);
        Assert.Contains(rows, r => r["pkt-srcaddr"] != r["srcaddr"] && r["instance-id"] == "-" && FlowRow.IsInternet(r["pkt-srcaddr"]));
    }

    [Fact]
    public void Traffic_OtherAccountAndRegion_AppearInPathsNamesAndFields()
    {
        using var dir = new TempDirectory();
        var result = FlowLogGenerator.Generate(new GeneratorOptions
        {
            OutputDirectory = dir.Path,
            RowsPerDay = 288,
            Format = "v5",
            AccountId = "210987654321",
            Region = "ap-northeast-1",
        });

        var files = LogFile.ReadAll(dir.Path);
        Assert.All(files, f =>
        {
            Assert.StartsWith("AWSLogs/210987654321/vpcflowlogs/ap-northeast-1/2026/11/01/210987654321_vpcflowlogs_ap-northeast-1_", f.RelativePath,
                StringComparison.Ordinal);
        });
        Assert.All(FlowRow.ParseAll(files, result.Format), r =>
        {
            Assert.Equal("210987654321", r["account-id"]);
            Assert.Equal("ap-northeast-1", r["region"]);
            Assert.StartsWith("apne1-az", r["az-id"], StringComparison.Ordinal);
        });
    }
}
