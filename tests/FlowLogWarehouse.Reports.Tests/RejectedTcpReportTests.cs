namespace FlowLogWarehouse.Reports.Tests;

public sealed class RejectedTcpReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task RejectedTcp_CountsSynOnlyAckAndRstFlows_AndLeavesOtherProtocolsAndAcceptedOut()
    {
        var at = Flow.Day2.AddHours(5);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", TcpFlags = 2, Bytes = 60, Packets = 1, Start = at },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", TcpFlags = 2, Bytes = 60, Packets = 1, Start = at.AddMinutes(1) },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", TcpFlags = 18, Bytes = 120, Packets = 2, Start = at.AddMinutes(2) },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", TcpFlags = 4, Bytes = 40, Packets = 1, Start = at.AddMinutes(3) },
            new Flow { Src = "198.51.100.7", DstPort = 3389, Action = "REJECT", TcpFlags = 16, Bytes = 80, Packets = 2, Start = at },
            // Rejected but not TCP, TCP but accepted, or outside the window: none of these may count.
            new Flow { Src = "203.0.113.9", DstPort = 53, Protocol = 17, Action = "REJECT", TcpFlags = 0 },
            new Flow { Src = "203.0.113.9", DstPort = 3, Protocol = 1, Action = "REJECT", TcpFlags = 0 },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "ACCEPT", TcpFlags = 2 },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", TcpFlags = 2, Start = Flow.Day2.AddDays(1) });

        var result = await warehouse.RunAsync("rejected-tcp", from: From, to: To);

        Assert.Equal(["203.0.113.5", "198.51.100.7"], result.Column("srcaddr"));
        Assert.Equal([22L, 3389L], result.Column("dstport"));
        Assert.Equal([4L, 1L], result.Column("flows"));
        Assert.Equal([2L, 0L], result.Column("syn_only_flows"));
        Assert.Equal([1L, 1L], result.Column("ack_flows"));
        Assert.Equal([1L, 0L], result.Column("rst_flows"));
        Assert.Equal([5L, 2L], result.Column("packets"));
        Assert.Equal([280L, 80L], result.Column("bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), result[0, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 4, 0, DateTimeKind.Utc), result[0, "last_seen"]);
    }

    [Fact]
    public async Task RejectedTcp_EniAndLimit_KeepThatInterfacesTopRows()
    {
        const string eni = "eni-bbbbbbbbbbbbbbbbb";
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Eni = eni, Action = "REJECT", Src = "203.0.113.1" },
            new Flow { Eni = eni, Action = "REJECT", Src = "203.0.113.2" },
            new Flow { Eni = eni, Action = "REJECT", Src = "203.0.113.2" },
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Action = "REJECT", Src = "203.0.113.3" },
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Action = "REJECT", Src = "203.0.113.3" },
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Action = "REJECT", Src = "203.0.113.3" });

        var result = await warehouse.RunAsync("rejected-tcp", new { eni, limit = 1 }, From, To);

        Assert.Equal(["203.0.113.2"], result.Column("srcaddr"));
        Assert.Equal([2L], result.Column("flows"));
    }
}
