namespace FlowLogWarehouse.Reports.Tests;

public sealed class TopSubnetsReportTests
{
    private static readonly Flow[] Flows =
    [
        new() { Subnet = "subnet-0000000a", Vpc = "vpc-00000001", Bytes = 1000, Packets = 10 },
        new() { Subnet = "subnet-0000000a", Vpc = "vpc-00000001", Action = "REJECT", Bytes = 40, Packets = 1 },
        new() { Subnet = "subnet-0000000a", Vpc = "vpc-00000001", Action = "REJECT", Bytes = 60, Packets = 1 },
        new() { Subnet = "subnet-0000000b", Vpc = "vpc-00000001", Bytes = 3000, Packets = 3 },
        new() { Subnet = "subnet-0000000c", Vpc = "vpc-00000002", Action = "REJECT", Bytes = 10, Packets = 1 },
        // NODATA in a subnet is not a flow.
        Flow.Status("NODATA", "eni-00000000000000009", Flow.Day2.AddHours(10)) with { Subnet = "subnet-0000000c", Vpc = "vpc-00000002" },
    ];

    [Fact]
    public async Task TopSubnets_RanksSubnetsByBytes_WithTheirVpcAndRejectedFlows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("top-subnets", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(["subnet-0000000b", "subnet-0000000a", "subnet-0000000c"], result.Column("subnet_id"));
        Assert.Equal(["vpc-00000001", "vpc-00000001", "vpc-00000002"], result.Column("vpc_id"));
        Assert.Equal([1L, 3L, 1L], result.Column("flows"));
        Assert.Equal([0L, 2L, 1L], result.Column("rejected_flows"));
        Assert.Equal([3L, 12L, 1L], result.Column("packets"));
        Assert.Equal([3000L, 1100L, 10L], result.Column("bytes"));
    }

    [Fact]
    public async Task TopSubnets_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("top-subnets", new { limit = 2 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["subnet-0000000b", "subnet-0000000a"], result.Column("subnet_id"));
    }
}
