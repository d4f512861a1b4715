namespace FlowLogWarehouse.Reports.Tests;

public sealed class AcceptedReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task Accepted_GroupsAcceptedFlowsBySourceDestinationPortAndProtocol_LargestFirst()
    {
        var at = Flow.Day2.AddHours(3);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "10.0.1.10", DstPort = 443, Bytes = 3000, Packets = 3, Start = at },
            new Flow { Src = "10.0.1.10", DstPort = 443, Bytes = 2000, Packets = 2, Start = at.AddMinutes(10) },
            new Flow { Src = "10.0.1.11", DstPort = 53, Protocol = 17, Bytes = 500, Packets = 1, Start = at },
            // Not accepted, outside the window, or no data: none of these may count.
            new Flow { Src = "203.0.113.5", DstPort = 22, Action = "REJECT", Bytes = 99_000 },
            new Flow { Src = "10.0.1.12", Bytes = 88_000, Start = Flow.Day2.AddHours(-1) },
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", at));

        var result = await warehouse.RunAsync("accepted", from: From, to: To);

        Assert.Equal(["10.0.1.10", "10.0.1.11"], result.Column("srcaddr"));
        Assert.Equal(["10.0.2.20", "10.0.2.20"], result.Column("dstaddr"));
        Assert.Equal([443L, 53L], result.Column("dstport"));
        Assert.Equal(["tcp", "udp"], result.Column("protocol"));
        Assert.Equal([2L, 1L], result.Column("flows"));
        Assert.Equal([5L, 1L], result.Column("packets"));
        Assert.Equal([5000L, 500L], result.Column("bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc), result[0, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 3, 11, 0, DateTimeKind.Utc), result[0, "last_seen"]);
    }

    [Fact]
    public async Task Accepted_EniAndLimit_KeepThatInterfacesLargestRows_TiesBrokenByFlowsThenSource()
    {
        const string eni = "eni-bbbbbbbbbbbbbbbbb";
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Eni = eni, Src = "10.0.1.30", Bytes = 700 },
            new Flow { Eni = eni, Src = "10.0.1.20", Bytes = 700 },
            new Flow { Eni = eni, Src = "10.0.1.40", Bytes = 300 },
            new Flow { Eni = eni, Src = "10.0.1.40", Bytes = 400 },
            new Flow { Eni = eni, Src = "10.0.1.50", Bytes = 10 },
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Src = "10.0.1.60", Bytes = 50_000 });

        var result = await warehouse.RunAsync("accepted", new { eni, limit = 3 }, From, To);

        Assert.Equal(["10.0.1.40", "10.0.1.20", "10.0.1.30"], result.Column("srcaddr"));
        Assert.Equal([700L, 700L, 700L], result.Column("bytes"));
    }
}
