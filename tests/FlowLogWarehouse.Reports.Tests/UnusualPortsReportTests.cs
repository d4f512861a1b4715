namespace FlowLogWarehouse.Reports.Tests;

public sealed class UnusualPortsReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";
    private static readonly DateTimeOffset At = Flow.Day2.AddHours(3);

    private static readonly Flow[] Flows =
    [
        new() { Src = "203.0.113.1", DstPort = 4444, Bytes = 100, Packets = 1, Start = At },
        new() { Src = "203.0.113.2", DstPort = 4444, Bytes = 200, Packets = 2, Start = At.AddMinutes(30) },
        new() { Src = "203.0.113.3", DstPort = 4444, Action = "REJECT", Start = At.AddHours(1) },
        new() { Src = "203.0.113.1", DstPort = 5000, Protocol = 17, Bytes = 50, Packets = 1, Start = At },
        // Not unusual: a common service, an ephemeral port, a reply from 443 to a NAT gateway's port, ICMP (no ports).
        new() { DstPort = 443 },
        new() { SrcPort = 12345, DstPort = 50000 },
        new() { SrcPort = 443, DstPort = 20000 },
        new() { Protocol = 1, SrcPort = 0, DstPort = 0 },
        Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", At),
    ];

    [Fact]
    public async Task UnusualPorts_ShowsAcceptedTrafficToUncommonServicePorts_Only()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("unusual-ports", from: From, to: To);

        Assert.Equal([4444L, 5000L], result.Column("dstport"));
        Assert.Equal(["tcp", "udp"], result.Column("protocol"));
        Assert.Equal([2L, 1L], result.Column("flows"));
        Assert.Equal([2L, 1L], result.Column("distinct_sources"));
        Assert.Equal([1L, 1L], result.Column("distinct_destinations"));
        Assert.Equal([3L, 1L], result.Column("packets"));
        Assert.Equal([300L, 50L], result.Column("bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc), result[0, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 3, 31, 0, DateTimeKind.Utc), result[0, "last_seen"]);
    }

    [Fact]
    public async Task UnusualPorts_Parameters_WidenOrNarrowTheDefinition()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        // 50000 (1 flow, 1000 bytes) outranks 5000 (1 flow, 50 bytes).
        Assert.Equal([4444L, 50000L, 5000L], (await warehouse.RunAsync("unusual-ports", new { max_port = 50000 }, From, To)).Column("dstport"));
        Assert.Equal([4444L], (await warehouse.RunAsync("unusual-ports", new { min_flows = 2 }, From, To)).Column("dstport"));
        Assert.Equal([5000L], (await warehouse.RunAsync("unusual-ports", new { max_sources = 1 }, From, To)).Column("dstport"));
        Assert.Equal([4444L], (await warehouse.RunAsync("unusual-ports", new { limit = 1 }, From, To)).Column("dstport"));
    }
}
