namespace FlowLogWarehouse.Reports.Tests;

public sealed class RejectedReportTests
{
    [Fact]
    public async Task Rejected_GroupsRejectedFlowsBySourceDestinationAndPort_AndLeavesAcceptedOut()
    {
        var at = Flow.Day2.AddHours(3);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", Bytes = 60, Packets = 1, Start = at },
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", Bytes = 120, Packets = 2, Start = at.AddMinutes(5) },
            new Flow { Src = "198.51.100.7", DstPort = 3389, Protocol = 17, Action = "REJECT", Bytes = 40, Packets = 1, Start = at },
            new Flow { Src = "203.0.113.5", DstPort = 443, Action = "ACCEPT", Bytes = 9000, Start = at });

        var result = await warehouse.RunAsync("rejected", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(2, result.Count);
        Assert.Equal("203.0.113.5", result[0, "srcaddr"]);
        Assert.Equal(22L, result[0, "dstport"]);
        Assert.Equal("tcp", result[0, "protocol"]);
        Assert.Equal(2L, result[0, "flows"]);
        Assert.Equal(180L, result[0, "bytes"]);
        Assert.Equal(new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc), result[0, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 3, 6, 0, DateTimeKind.Utc), result[0, "last_seen"]);
        Assert.Equal("udp", result[1, "protocol"]);
        Assert.DoesNotContain(443L, result.Column("dstport"));
    }

    [Fact]
    public async Task Rejected_EniParameter_KeepsOnlyThatInterface()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Action = "REJECT", Src = "203.0.113.1" },
            new Flow { Eni = "eni-bbbbbbbbbbbbbbbbb", Action = "REJECT", Src = "203.0.113.2" });

        var result = await warehouse.RunAsync("rejected", new { eni = "eni-bbbbbbbbbbbbbbbbb" }, "2026-11-02", "2026-11-03");

        Assert.Equal(["203.0.113.2"], result.Column("srcaddr"));
    }

    [Fact]
    public async Task Rejected_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Enumerable.Range(1, 30).Select(i => new Flow { Action = "REJECT", Src = $"203.0.113.{i}" }).ToArray());

        var result = await warehouse.RunAsync("rejected", new { limit = 7 }, "2026-11-02", "2026-11-03");

        Assert.Equal(7, result.Count);
    }
}
