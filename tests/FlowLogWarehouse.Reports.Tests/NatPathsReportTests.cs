namespace FlowLogWarehouse.Reports.Tests;

public sealed class NatPathsReportTests
{
    private const string Nat = "eni-0000000000000a7a7";

    [Fact]
    public async Task NatPaths_ShowsOnlyRewrittenFlows_AsOriginalSourceInterfaceAddressesOriginalDestination()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            // An instance (10.0.1.5) downloads from 203.0.113.5 through a NAT gateway (10.0.0.220), on the NAT's interface.
            new Flow { Eni = Nat, Src = "10.0.1.5", Dst = "10.0.0.220", PktDst = "203.0.113.5", Direction = "ingress", Bytes = 800, Packets = 10 },
            new Flow { Eni = Nat, Src = "10.0.0.220", Dst = "203.0.113.5", Direction = "egress", TrafficPath = 8, Bytes = 800 },
            new Flow { Eni = Nat, Src = "203.0.113.5", Dst = "10.0.0.220", Direction = "ingress", Bytes = 60000 },
            new Flow { Eni = Nat, Src = "10.0.0.220", Dst = "10.0.1.5", PktSrc = "203.0.113.5", Direction = "egress", TrafficPath = 1, Bytes = 60000, Packets = 40 },
            new Flow { Eni = Nat, Src = "10.0.0.220", Dst = "10.0.1.5", PktSrc = "203.0.113.5", Direction = "egress", TrafficPath = 1, Bytes = 40000, Packets = 30 },
            // Ordinary flows whose packet addresses are the interface addresses.
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Direction = "egress", TrafficPath = 1, Bytes = 900000 },
            new Flow { Src = "198.51.100.7", Dst = "10.0.1.10", Direction = "ingress", Bytes = 900000 });

        var result = await warehouse.RunAsync("nat-paths", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(["203.0.113.5", "10.0.1.5"], result.Column("pkt_srcaddr"));
        Assert.Equal(["10.0.0.220", "10.0.1.5"], result.Column("srcaddr"));
        Assert.Equal(["10.0.1.5", "10.0.0.220"], result.Column("dstaddr"));
        Assert.Equal(["10.0.1.5", "203.0.113.5"], result.Column("pkt_dstaddr"));
        Assert.Equal(["egress", "ingress"], result.Column("flow_direction"));
        Assert.Equal([1L, null], result.Column("traffic_path"));
        Assert.Equal(["same VPC", "not recorded"], result.Column("traffic_path_name"));
        Assert.Equal([2L, 1L], result.Column("flows"));
        Assert.Equal([70L, 10L], result.Column("packets"));
        Assert.Equal([100000L, 800L], result.Column("bytes"));
    }

    [Fact]
    public async Task NatPaths_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Enumerable.Range(1, 5).Select(i => new Flow { Src = "10.0.0.220", PktSrc = $"203.0.113.{i}", Bytes = i * 100 }).ToArray());

        var result = await warehouse.RunAsync("nat-paths", new { limit = 2 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["203.0.113.5", "203.0.113.4"], result.Column("pkt_srcaddr"));
    }

    [Fact]
    public async Task NatPaths_OnAVersion2Warehouse_SaysWhichFieldsAreMissing()
    {
        var version2 = Flow.Format[..14];
        await using var warehouse = await ReportWarehouse.LoadAsync(version2, [string.Join(' ', new Flow().Line().Split(' ')[..14])]);

        var error = await Assert.ThrowsAsync<ReportException>(() => warehouse.RunAsync("nat-paths", from: "2026-11-02", to: "2026-11-03"));

        Assert.Contains("report nat-paths@1 needs the field(s) pkt-srcaddr, pkt-dstaddr, flow-direction, traffic-path,", error.Message);
        Assert.Contains("flow log format version 3/5", error.Message);
    }
}
