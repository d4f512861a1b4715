namespace FlowLogWarehouse.Reports.Tests;

public sealed class TrafficPathsReportTests
{
    [Fact]
    public async Task TrafficPaths_SplitsByDirectionAndPath_ShowingUnrecordedAndUnknownPaths()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Direction = "egress", TrafficPath = 8, Bytes = 3000, Packets = 3 },
            new Flow { Direction = "egress", TrafficPath = 8, Bytes = 1000, Packets = 1 },
            new Flow { Direction = "egress", TrafficPath = 1, Bytes = 500, Packets = 5 },
            new Flow { Direction = "egress", TrafficPath = 9, Bytes = 0, Packets = 0 },
            new Flow { Direction = "egress", TrafficPath = null, Bytes = 100, Packets = 1 },
            new Flow { Direction = "ingress", TrafficPath = null, Bytes = 400, Packets = 4 },
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(10)));

        var result = await warehouse.RunAsync("traffic-paths", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(["egress", "egress", "egress", "egress", "ingress"], result.Column("flow_direction"));
        Assert.Equal([1L, 8L, 9L, null, null], result.Column("traffic_path"));
        Assert.Equal(["same VPC", "internet gateway (Nitro)", "unknown (9)", "not recorded", "not recorded"], result.Column("traffic_path_name"));
        Assert.Equal([1L, 2L, 1L, 1L, 1L], result.Column("flows"));
        Assert.Equal([5L, 4L, 0L, 1L, 4L], result.Column("packets"));
        Assert.Equal([500L, 4000L, 0L, 100L, 400L], result.Column("bytes"));
        Assert.Equal([500d / 5000, 4000d / 5000, 0d, 100d / 5000, 400d / 5000], result.Column("byte_share"));
    }

    [Fact]
    public async Task TrafficPaths_NamesEveryPathAwsDefines()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Enumerable.Range(1, 8).Select(path => new Flow { Direction = "egress", TrafficPath = path }).ToArray());

        var result = await warehouse.RunAsync("traffic-paths", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(
        [
            "same VPC", "internet gateway or gateway VPC endpoint", "virtual private gateway", "intra-Region VPC peering",
            "inter-Region VPC peering", "local gateway", "gateway VPC endpoint (Nitro)", "internet gateway (Nitro)",
        ], result.Column("traffic_path_name"));
    }
}
