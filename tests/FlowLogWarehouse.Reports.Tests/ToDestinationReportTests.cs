namespace FlowLogWarehouse.Reports.Tests;

public sealed class ToDestinationReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task ToDestination_ShowsEverythingTheDestinationReceived_BySourcePortProtocolAndAction()
    {
        var at = Flow.Day2.AddHours(6);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "203.0.113.5", Dst = "10.0.2.20", DstPort = 22, Bytes = 60, Action = "REJECT", Start = at },
            new Flow { Src = "203.0.113.5", Dst = "10.0.2.20", DstPort = 22, Bytes = 60, Action = "REJECT", Start = at.AddMinutes(20) },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 4000, Start = at },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 123, Protocol = 17, Bytes = 76, Start = at },
            // Another destination, traffic *from* the destination, and outside the window: none of these.
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.21", DstPort = 443, Bytes = 50_000 },
            new Flow { Src = "10.0.2.20", Dst = "10.0.1.10", DstPort = 49152, Bytes = 60_000 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 70_000, Start = Flow.Day2.AddDays(1) });

        var result = await warehouse.RunAsync("to-destination", new { dstaddr = "10.0.2.20" }, From, To);

        Assert.Equal(["10.0.1.10", "203.0.113.5", "10.0.1.10"], result.Column("srcaddr"));
        Assert.Equal([443L, 22L, 123L], result.Column("dstport"));
        Assert.Equal(["tcp", "tcp", "udp"], result.Column("protocol"));
        Assert.Equal(["ACCEPT", "REJECT", "ACCEPT"], result.Column("action"));
        Assert.Equal([1L, 2L, 1L], result.Column("flows"));
        Assert.Equal([4000L, 120L, 76L], result.Column("bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 6, 0, 0, DateTimeKind.Utc), result[1, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 6, 21, 0, DateTimeKind.Utc), result[1, "last_seen"]);
    }

    [Fact]
    public async Task ToDestination_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Enumerable.Range(1, 5).Select(i => new Flow { Src = $"10.0.1.{i}", Dst = "10.0.2.20", Bytes = i * 100 }).ToArray());

        var result = await warehouse.RunAsync("to-destination", new { dstaddr = "10.0.2.20", limit = 2 }, From, To);

        Assert.Equal(["10.0.1.5", "10.0.1.4"], result.Column("srcaddr"));
    }

    [Fact]
    public async Task ToDestination_BadAddress_IsRefused()
    {
        var error = Assert.Throws<ReportException>(() =>
            ReportRunner.Bind(ReportLibrary.BuiltIn.Resolve("to-destination"), new Dictionary<string, string> { ["dstaddr"] = "10.0.2" }));

        Assert.Contains("'10.0.2' is not an IPv4 or IPv6 address", error.Message);
    }
}
